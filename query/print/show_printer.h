// lawref show's provisions, one after another: text (a blank line between two) or JSON lines
// answering the inputs one for one, in order, a failed lookup being a line too.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "law_store.h"
#include "lookup.h"
#include "output_format.h"
#include "provision_format.h"
#include "xref.h"

namespace lawref {

// A provision's links (show --xref), and the store that names their ends.
struct ProvisionLinks {
  const LawStore& names;
  std::vector<XrefHit> hits;
};

class ShowPrinter {
 public:
  // Text or Json; `options` lay out the text.
  ShowPrinter(std::ostream& out, OutputFormat format, const ShowOptions& options);

  // `input`: the citation as written (a range stands for several provisions); `registry`:
  // the law and its successor; `links`: null without --xref.
  void provision(const std::string& input, const LookupResult& found, const Registry& registry, const ProvisionLinks* links);
  // JSON only (text says nothing on standard output: the error is on standard error).
  void failure(const std::string& input, const std::string& message, LookupStatus status);

 private:
  std::ostream& out_;
  OutputFormat format_;
  ShowOptions options_;
  bool first_ = true;
};

}  // namespace lawref
