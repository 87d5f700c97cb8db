// libFuzzer target: any bytes as Akoma Ntoso XML; errors are AknError, never a crash.
#include <cstdint>
#include <string_view>

#include "akn_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)lawref::from_akn_xml(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const lawref::AknError&) {
  }
  return 0;
}
