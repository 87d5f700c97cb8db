# CPack: `cpack -G DEB` in the build folder makes lawref_<version>_<arch>.deb from the install rules
# (bin/lawref, the man page, the completions, share/doc/lawref). Its run-time dependencies are
# computed by dpkg-shlibdeps (package dpkg-dev) from the libraries the binary links: libxapian30,
# libicu72, libpugixml1v5, libstdc++6, libc6, libgcc-s1 on Debian 12. The statute texts are not
# part of the package: an installed lawref reads $LAWREF_CORPUS or <prefix>/share/lawref/corpus.

set(CPACK_PACKAGE_NAME lawref)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "lawref imports Chinese statute texts into a structured model, looks provisions up by any common\n"
    "Chinese or English citation form, searches them in both languages (Xapian), links every article\n"
    "to what it cites and aligns local regulations with the national laws they implement. The statute\n"
    "texts are not included: point $LAWREF_CORPUS at them or put them in /usr/share/lawref/corpus.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(LAWREF_PACKAGE_MAINTAINER "lawref maintainers <maintainers@lawref.invalid>" CACHE STRING
    "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${LAWREF_PACKAGE_MAINTAINER}")
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES ON)  # a RelWithDebInfo build carries tens of megabytes of debug information

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # lawref_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")

# `cpack --config CPackSourceConfig.cmake`: the checkout without build folders and Git data.
set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")

include(CPack)
