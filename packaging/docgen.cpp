// lawref_docgen: writes lawref's man page and its bash, zsh and fish completions from the
// command line's own definitions, so that they cannot drift from `lawref --help`.
//
//   lawref_docgen man|bash|zsh|fish OUTPUT
//
// It builds the CLI11 App that query/cli/main.cpp builds (the setup_* functions of
// query/cli/commands.h register every subcommand with its options and help texts; the calls are
// read from main.cpp at build time) and walks it: subcommands, options (long and short names,
// value name, choices of a CLI::IsMember check, repeatable or not) and positionals. Only the prose
// around them (description, environment, files, exit status, examples) is written here. The tools test checks that the man page names every
// subcommand `lawref --help` lists.
#include <cctype>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"

#if !defined(LAWREF_VERSION) || !defined(LAWREF_INSTALL_CORPUS_DIR)
#error "LAWREF_VERSION and LAWREF_INSTALL_CORPUS_DIR come from CMake (packaging/CMakeLists.txt)"
#endif

namespace {

// ---------------------------------------------------------------------------------------------
// The model the generators share, read from the App.

enum class ValueKind { kNone, kFile, kDir };

struct Arg {
  std::vector<std::string> longs;   // without "--"
  std::vector<std::string> shorts;  // without "-"
  std::string positional;           // the name, for a positional argument
  bool flag = false;                // takes no value
  std::string value_name;           // DIR, PATH, LAW, …; for choices the choices joined by '|'
  std::vector<std::string> choices;
  ValueKind kind = ValueKind::kNone;
  bool repeatable = false;
  bool required = false;
  std::string help;
};

struct Command {
  std::vector<std::string> path;  // {"lawref"}, {"lawref", "show"}, …
  std::string help;
  std::vector<Arg> options;
  std::vector<Arg> positionals;
  std::vector<Command> subcommands;

  std::string name() const { return path.back(); }
  std::string joined(const char* sep = " ") const {
    std::string s;
    for (const std::string& p : path) s += (s.empty() ? "" : sep) + p;
    return s;
  }
};

void check_name(const std::string& name) {
  if (name.empty()) throw std::runtime_error("an empty command or option name");
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
      throw std::runtime_error("'" + name + "' is not a plain name; the completion generators would need quoting for it");
}

// "TEXT:{zh,en,both}" -> value name TEXT and the choices; "DIR" -> DIR.
void read_type(const std::string& type_name, Arg& arg) {
  std::stringstream parts(type_name);
  std::string part;
  bool first = true;
  while (std::getline(parts, part, ':')) {
    if (first) {
      arg.value_name = part;
      first = false;
    } else if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      std::stringstream items(part.substr(1, part.size() - 2));
      std::string item;
      while (std::getline(items, item, ',')) check_name(arg.choices.emplace_back(item));
    }
  }
  if (!arg.choices.empty()) {
    arg.value_name.clear();
    for (const std::string& c : arg.choices) arg.value_name += (arg.value_name.empty() ? "" : "|") + c;
  }
  if (arg.value_name.empty()) arg.value_name = "VALUE";
  if (arg.value_name == "DIR") arg.kind = ValueKind::kDir;
  if (arg.value_name == "PATH" || arg.value_name == "FILE") arg.kind = ValueKind::kFile;
}

Arg read_option(const CLI::Option& o) {
  Arg a;
  for (const std::string& n : o.get_lnames()) check_name(a.longs.emplace_back(n));
  for (const std::string& n : o.get_snames()) check_name(a.shorts.emplace_back(n));
  if (o.get_positional() && a.longs.empty() && a.shorts.empty()) {
    a.positional = o.get_name(true);
    check_name(a.positional);
  }
  a.flag = o.get_expected_max() == 0;  // CLI11 flags expect no value
  if (!a.flag) read_type(o.get_type_name(), a);
  a.repeatable = !a.flag && o.get_expected_max() > 1;
  a.required = o.get_required();
  a.help = o.get_description();
  return a;
}

Command read_command(const CLI::App& app, std::vector<std::string> path) {
  Command c;
  c.path = std::move(path);
  c.help = app.get_description();
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_group().empty()) continue;  // hidden from --help, so from the documentation too
    Arg a = read_option(*o);
    (a.positional.empty() ? c.options : c.positionals).push_back(std::move(a));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    check_name(sub->get_name());
    std::vector<std::string> p = c.path;
    p.push_back(sub->get_name());
    c.subcommands.push_back(read_command(*sub, std::move(p)));
  }
  return c;
}

// The App of query/cli/main.cpp: its setup_* calls, read from it at build time
// (commands_from_main.cmake), in its order.
Command lawref_cli() {
  CLI::App app{"lawref"};
  app.name("lawref");
  app.require_subcommand(1);
  app.set_version_flag("--version", "lawref " LAWREF_VERSION);
  int exit_code = 0;
#define LAWREF_SETUP(name) lawref::cli::setup_##name(app, exit_code);
#include "docgen_commands.inc"  // the setup_* calls of main.cpp, in its order
#undef LAWREF_SETUP
  return read_command(app, {"lawref"});
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// ---------------------------------------------------------------------------------------------
// man page (roff, man macros)

// Text for a roff text line: backslashes and minus signs escaped (so that --sources copies as
// typed), a leading period or apostrophe protected.
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string roff_names(const Arg& a) {
  std::string s;
  for (const std::string& n : a.shorts) s += (s.empty() ? "" : ", ") + std::string("\\fB\\-") + n + "\\fR";
  for (const std::string& n : a.longs) s += (s.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff(n) + "\\fR";
  if (!a.flag) s += " \\fI" + roff(a.value_name) + "\\fR";
  return s;
}

std::string usage(const Command& c) {
  std::string s = "\\fB" + roff(c.joined()) + "\\fR";
  if (!c.subcommands.empty()) s += " \\fIcommand\\fR";
  if (!c.options.empty()) s += " [\\fIoptions\\fR]";
  for (const Arg& p : c.positionals) {
    std::string name = "\\fI" + roff(p.positional) + "\\fR";
    if (p.repeatable) name += "\\&...";
    s += " " + (p.required ? name : "[" + name + "]");
  }
  return s;
}

// A command's positionals and options; --help only at the top (every command has it).
void man_arguments(std::ostream& out, const Command& c) {
  for (const Arg& p : c.positionals) {
    out << ".TP\n\\fI" << roff(p.positional) << "\\fR";
    if (!p.choices.empty()) out << " (" << roff(p.value_name) << ")";
    out << "\n" << roff(p.help) << (p.required ? "" : " (optional)") << "\n";
  }
  for (const Arg& o : c.options) {
    if (c.path.size() > 1 && o.longs == std::vector<std::string>{"help"}) continue;
    const bool says_repeatable = o.help.find("repeatable") != std::string::npos;
    out << ".TP\n" << roff_names(o) << "\n" << roff(o.help) << (o.repeatable && !says_repeatable ? " (repeatable)" : "") << "\n";
  }
}

void man_command(std::ostream& out, const Command& c) {
  out << ".SS " << roff(c.joined()) << "\n" << usage(c) << "\n.PP\n" << roff(c.help) << "\n";
  man_arguments(out, c);
  for (const Command& sub : c.subcommands) man_command(out, sub);
}

void write_man(std::ostream& out, const Command& cli) {
  out << R"(.\" -*- coding: UTF-8 -*-
.\" Generated by lawref_docgen from lawref's command-line definitions; do not edit.
.TH LAWREF 1 "" "lawref )" LAWREF_VERSION R"(" "User Commands"
.SH NAME
lawref \- look up, search and cross\-reference Chinese national\-security legislation
.SH SYNOPSIS
)" << usage(cli) << R"(
.br
\fBlawref\fR \fIcommand\fR \fB\-\-help\fR
.br
\fBlawref \-\-version\fR
.SH DESCRIPTION
\fBlawref\fR reads Chinese statute texts (the Counter\-Espionage Law, the National Security Law,
the National Intelligence Law, the State Secrets Law, their implementing rules and the local
regulations that implement them) into a structured model (law, part, chapter, section, article,
paragraph, item), looks provisions up by any common Chinese or English citation form, searches
them in Chinese or English, links every article to what it cites and aligns local regulations
with the national laws they implement.
.PP
The Chinese text is authoritative. lawref never edits, paraphrases or invents statute text; the
English it shows beside the nine core texts is its own unofficial translation and is labelled so.
The statute texts are not part of lawref: it reads them from the corpus folder (see
\fBENVIRONMENT\fR and \fBFILES\fR) or from folders given with \fB\-\-sources\fR.
.PP
Run \fBlawref index\fR once to build the search index; \fBlawref laws\fR lists what was found.
.SH OPTIONS
)";
  man_arguments(out, cli);
  out << ".SH COMMANDS\nEvery command has \\fB\\-\\-help\\fR.\n";
  for (const Command& sub : cli.subcommands) man_command(out, sub);
  out << R"(.SH ENVIRONMENT
.TP
.B LAWREF_CORPUS
Root of the statute corpus (the folder holding \fIcore/\fR and \fIlocal/\fR). When it is unset,
lawref looks in the install's data folder and, for a binary run from its build tree, in
\fI../shared/corpus\fR beside the checkout; \fBlawref laws\fR says where it looked when it finds
no corpus.
.TP
.B LAWREF_SOURCES
Statute folders or files to read instead of the corpus's \fIcore\fR and \fIlocal\fR folders,
separated by colons. \fB\-\-sources\fR takes precedence.
.TP
.B LAWREF_HOME
lawref's own data folder: imported texts and the index. Default:
\fI$XDG_DATA_HOME/lawref\fR, else \fI~/.local/share/lawref\fR.
.TP
.B LAWREF_DB
The index location. \fB\-\-db\fR takes precedence. Default: \fI<lawref home>/index\fR.
.TP
.B NO_COLOR
When set, search matches are marked with \[Fo] and \[Fc] instead of colour.
.SH FILES
.TP
.I <prefix>/)" LAWREF_INSTALL_CORPUS_DIR R"(
The install's data folder for the statute corpus, found from the executable's location
(\fI/usr/)" LAWREF_INSTALL_CORPUS_DIR R"(\fR for the Debian package). lawref does not install
statute texts: put or link the corpus here, or set \fBLAWREF_CORPUS\fR.
.TP
.I ~/.local/share/lawref/imported/<law>.<lang>.xml
Texts imported with \fBlawref import\fR, as Akoma Ntoso XML; they take precedence over a source
file of the same law and language.
.TP
.I ~/.local/share/lawref/index
The search index and link graph, a symbolic link to the current version in
\fIindex.versions/\fR, replaced atomically by \fBlawref index\fR.
.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
Not found: no such law or provision, no hits, no links.
.TP
.B 2
Bad input: a usage error, an unparsable citation or query, a refused import.
.TP
.B 3
Corpus or index problem: \fBcheck\fR found problems, an unreadable source, no or an outdated
index, an I/O failure.
.TP
.B 4
Internal error (a bug in lawref).
.PP
Errors are one line on standard error, prefixed \fBlawref:\fR.
.SH EXAMPLES
.TP
.B lawref index
Build the search index of the corpus's core and local texts.
.TP
.B lawref show 反间谍法第十四条
Print a provision with its header: citation, law, chapter, dates.
.TP
.B lawref show \-\-lang both \(dqCEL art. 14(2)\(dq
A paragraph beside its English translation.
.TP
.B lawref search security plan for staff stationed abroad
Search in English (expanded through the bilingual glossary) or in Chinese.
.TP
.B lawref xref cel\-2023/art57
What a provision cites and what cites it.
.TP
.B lawref compare cel\-2023 \-\-locals
One national law against every local regulation that implements it.
.TP
.B LAWREF_CORPUS=/srv/statutes lawref laws
List the laws of a corpus kept elsewhere.
.SH SEE ALSO
The README in \fI/usr/share/doc/lawref/\fR describes citation forms, the search syntax, the
index, cross\-references and the Akoma Ntoso output in detail.
)";
}

// ---------------------------------------------------------------------------------------------
// bash

std::string words_of(const Command& c) {
  std::string s;
  auto add = [&s](const std::string& w) { s += (s.empty() ? "" : " ") + w; };
  for (const Command& sub : c.subcommands) add(sub.name());
  for (const Arg& o : c.options) {
    for (const std::string& n : o.shorts) add("-" + n);
    for (const std::string& n : o.longs) add("--" + n);
  }
  return s;
}

std::vector<std::string> dashed_names(const Arg& o) {
  std::vector<std::string> out;
  for (const std::string& n : o.shorts) out.push_back("-" + n);
  for (const std::string& n : o.longs) out.push_back("--" + n);
  return out;
}

void all_commands(const Command& c, std::vector<const Command*>& out) {
  out.push_back(&c);
  for (const Command& sub : c.subcommands) all_commands(sub, out);
}

// Completion of a value that is no choice: folders, files, or nothing to offer.
const char* bash_value_completion(const Arg& a) {
  switch (a.kind) {
    case ValueKind::kDir: return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")";
    case ValueKind::kFile: return "compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")";
    case ValueKind::kNone: return "COMPREPLY=()";
  }
  return "COMPREPLY=()";
}

void write_bash(std::ostream& out, const Command& cli) {
  std::vector<const Command*> commands;
  all_commands(cli, commands);
  out << "# bash completion for lawref " LAWREF_VERSION
         ". Generated by lawref_docgen from lawref's command-line definitions; do not edit.\n"
         "_lawref() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd=lawref i\n"
         "  # --opt=value: bash splits at '=' (COMP_WORDBREAKS)\n"
         "  if [[ $cur == = ]]; then cur=; elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
         "  # Which (sub)command is being completed, skipping the values of options.\n"
         "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "    case \"$cmd ${COMP_WORDS[i]}\" in\n";
  for (const Command* c : commands) {
    for (const Command& sub : c->subcommands) out << "      \"" << sub.joined() << "\") cmd=\"" << sub.joined() << "\" ;;\n";
    std::string valued;
    for (const Arg& o : c->options)
      if (!o.flag)
        for (const std::string& n : dashed_names(o)) valued += (valued.empty() ? "" : "|") + ("\"" + c->joined() + " " + n + "\"");
    if (!valued.empty()) out << "      " << valued << ") [[ ${COMP_WORDS[i+1]} == = ]] && ((i++)); ((i++)) ;;\n";
  }
  out << "    esac\n"
         "  done\n"
         "  # The value of an option.\n"
         "  case \"$cmd $prev\" in\n";
  for (const Command* c : commands) {
    for (const Arg& o : c->options) {
      if (o.flag) continue;
      std::string pattern;
      for (const std::string& n : dashed_names(o)) pattern += (pattern.empty() ? "" : "|") + ("\"" + c->joined() + " " + n + "\"");
      out << "    " << pattern << ")\n      ";
      if (!o.choices.empty()) {
        std::string words;
        for (const std::string& w : o.choices) words += (words.empty() ? "" : " ") + w;
        out << "mapfile -t COMPREPLY < <(compgen -W \"" << words << "\" -- \"$cur\")";
      } else {
        out << bash_value_completion(o);
      }
      out << "\n      return ;;\n";
    }
  }
  out << "  esac\n"
         "  # Subcommands and options; file names for commands whose arguments are files.\n"
         "  local words=\n"
         "  case \"$cmd\" in\n";
  for (const Command* c : commands) {
    out << "    \"" << c->joined() << "\")\n      words=\"" << words_of(*c) << "\"";
    for (const Arg& p : c->positionals) {
      if (!p.choices.empty()) {
        std::string words;
        for (const std::string& w : p.choices) words += " " + w;
        out << "\n      words+=\"" << words << "\"";
      } else if (p.kind != ValueKind::kNone) {
        out << "\n      if [[ $cur != -* ]]; then\n        " << bash_value_completion(p) << "\n        return\n      fi";
      }
    }
    out << " ;;\n";
  }
  out << "  esac\n"
         "  mapfile -t COMPREPLY < <(compgen -W \"$words\" -- \"$cur\")\n"
         "}\n"
         "complete -F _lawref lawref\n";
}

// ---------------------------------------------------------------------------------------------
// zsh

// Text inside a single-quoted zsh word.
std::string zsh_quote(const std::string& s) { return replace_all(s, "'", "'\\''"); }

// An option's description inside _arguments' [...]: brackets and backslashes escaped.
std::string zsh_desc(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == '\\') out += '\\';
    out += c;
  }
  return zsh_quote(out);
}

std::string zsh_action(const Arg& a) {
  if (!a.choices.empty()) {
    std::string s = "(";
    for (const std::string& c : a.choices) s += (s.size() > 1 ? " " : "") + c;
    return s + ")";
  }
  if (a.kind == ValueKind::kDir) return "_files -/";
  if (a.kind == ValueKind::kFile) return "_files";
  return " ";
}

std::string zsh_function(const Command& c) { return "_" + replace_all(c.joined("_"), "-", "_"); }

void zsh_command(std::ostream& out, const Command& c) {
  out << "\n" << zsh_function(c) << "() {\n";
  if (!c.subcommands.empty()) out << "  local curcontext=\"$curcontext\" state line\n  typeset -A opt_args\n";
  out << "  _arguments -s" << (c.subcommands.empty() ? "" : " -C");
  for (const Arg& o : c.options) {
    const std::vector<std::string> names = dashed_names(o);
    std::string exclusive;
    if (names.size() > 1 || o.longs == std::vector<std::string>{"help"} || o.longs == std::vector<std::string>{"version"}) {
      const bool stops = o.longs == std::vector<std::string>{"help"} || o.longs == std::vector<std::string>{"version"};
      exclusive = "'(";
      if (stops) exclusive += "- *";
      else
        for (std::size_t i = 0; i < names.size(); ++i) exclusive += (i ? " " : "") + names[i];
      exclusive += ")'";
    }
    out << " \\\n    " << (o.repeatable ? "'*'" : exclusive);
    if (names.size() > 1) {
      out << "{";
      for (std::size_t i = 0; i < names.size(); ++i) out << (i ? "," : "") << names[i];
      out << "}";
    } else {
      out << names[0];
    }
    out << "'" << (o.flag ? "" : "=") << "[" << zsh_desc(o.help) << "]";
    if (!o.flag) out << ":" << zsh_quote(o.value_name) << ":" << zsh_quote(zsh_action(o));
    out << "'";
  }
  int position = 1;
  for (const Arg& p : c.positionals) {
    out << " \\\n    '" << (p.repeatable ? "*" : std::to_string(position++)) << ":" << zsh_quote(p.positional) << ":"
        << zsh_quote(zsh_action(p)) << "'";
  }
  if (c.subcommands.empty()) {
    out << "\n}\n";
  } else {
    out << " \\\n    '1: :->command' \\\n    '*:: :->argument'\n"
           "  case $state in\n"
           "    command)\n"
           "      local -a commands=(\n";
    for (const Command& sub : c.subcommands) out << "        '" << sub.name() << ":" << zsh_quote(sub.help) << "'\n";
    out << "      )\n"
           "      _describe -t commands '" << zsh_quote(c.joined()) << " command' commands ;;\n"
           "    argument)\n"
           "      curcontext=\"${curcontext%:*:*}:" << c.joined("-") << "-$words[1]:\"\n"
           "      case $words[1] in\n";
    for (const Command& sub : c.subcommands) out << "        " << sub.name() << ") " << zsh_function(sub) << " ;;\n";
    out << "      esac ;;\n"
           "  esac\n"
           "}\n";
  }
  for (const Command& sub : c.subcommands) zsh_command(out, sub);
}

void write_zsh(std::ostream& out, const Command& cli) {
  out << "#compdef lawref\n"
         "# zsh completion for lawref " LAWREF_VERSION
         ". Generated by lawref_docgen from lawref's command-line definitions; do not edit.\n";
  zsh_command(out, cli);
  out << "\n_lawref \"$@\"\n";
}

// ---------------------------------------------------------------------------------------------
// fish

// Text inside a single-quoted fish string.
std::string fish_quote(const std::string& s) { return replace_all(replace_all(s, "\\", "\\\\"), "'", "\\'"); }

// The condition under which the words of command `c` apply.
std::string fish_condition(const Command& c) {
  if (c.path.size() == 1) return "__fish_use_subcommand";
  std::string s;
  for (std::size_t i = 1; i < c.path.size(); ++i) s += (i > 1 ? "; and " : "") + ("__fish_seen_subcommand_from " + c.path[i]);
  if (!c.subcommands.empty()) {
    s += "; and not __fish_seen_subcommand_from";
    for (const Command& sub : c.subcommands) s += " " + sub.name();
  }
  return s;
}

void fish_command(std::ostream& out, const Command& c) {
  const std::string cond = "-n '" + fish_quote(fish_condition(c)) + "'";
  for (const Command& sub : c.subcommands)
    out << "complete -c lawref " << cond << " -a " << sub.name() << " -d '" << fish_quote(sub.help) << "'\n";
  for (const Arg& o : c.options) {
    out << "complete -c lawref " << cond;
    for (const std::string& n : o.shorts) out << " -s " << n;
    for (const std::string& n : o.longs) out << " -l " << n;
    if (!o.flag) {
      if (!o.choices.empty()) {
        std::string words;
        for (const std::string& w : o.choices) words += (words.empty() ? "" : " ") + w;
        out << " -x -a '" << words << "'";
      } else if (o.kind == ValueKind::kDir) {
        out << " -x -a '(__fish_complete_directories)'";
      } else if (o.kind == ValueKind::kFile) {
        out << " -r -F";
      } else {
        out << " -x";
      }
    }
    out << " -d '" << fish_quote(o.help) << "'\n";
  }
  for (const Arg& p : c.positionals) {
    if (!p.choices.empty()) {
      std::string words;
      for (const std::string& w : p.choices) words += (words.empty() ? "" : " ") + w;
      out << "complete -c lawref " << cond << " -x -a '" << words << "' -d '" << fish_quote(p.help) << "'\n";
    } else if (p.kind == ValueKind::kDir) {
      out << "complete -c lawref " << cond << " -x -a '(__fish_complete_directories)'\n";
    } else if (p.kind == ValueKind::kFile) {
      out << "complete -c lawref " << cond << " -F\n";
    }
  }
  for (const Command& sub : c.subcommands) fish_command(out, sub);
}

void write_fish(std::ostream& out, const Command& cli) {
  out << "# fish completion for lawref " LAWREF_VERSION
         ". Generated by lawref_docgen from lawref's command-line definitions; do not edit.\n"
         "complete -c lawref -f\n";
  fish_command(out, cli);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: lawref_docgen man|bash|zsh|fish OUTPUT\n";
    return 2;
  }
  const std::string what = argv[1];
  try {
    const Command cli = lawref_cli();
    std::ostringstream text;
    if (what == "man") write_man(text, cli);
    else if (what == "bash") write_bash(text, cli);
    else if (what == "zsh") write_zsh(text, cli);
    else if (what == "fish") write_fish(text, cli);
    else throw std::runtime_error("unknown output '" + what + "' (man, bash, zsh, fish)");
    // Written aside and renamed, so that an interrupted build leaves no half file behind.
    const std::string output = argv[2];
    const std::string tmp = output + ".tmp";
    {
      std::ofstream file(tmp, std::ios::binary);
      file << text.str();
      file.close();
      if (!file) throw std::runtime_error("cannot write " + tmp);
    }
    if (std::rename(tmp.c_str(), output.c_str()) != 0) throw std::runtime_error("cannot rename " + tmp + " to " + output);
  } catch (const std::exception& e) {
    std::cerr << "lawref_docgen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
