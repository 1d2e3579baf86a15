// Splits .inp text into sections and lines of tokens, following SWMM's rules (input.c):
// ';' starts a comment, tokens are separated by blanks or tabs, "double quotes" keep blanks
// inside one token, and a line whose first token starts with '[' opens a section.
#pragma once

#include <string>
#include <vector>

namespace sf::inp {

struct InputLine {
  int number = 0;                   // 1-based line number in the file
  std::vector<std::string> tokens;  // never empty for lines kept in a section
  std::string text;                 // the line without its comment and end-of-line characters
};

struct SectionBlock {
  std::string name;    // canonical upper-case name, e.g. "JUNCTIONS"; the header as written
                       // (upper-cased, no brackets) when it is not a SWMM section
  bool known = false;  // a section SWMM 5.2 defines
  int header_line = 0;
  std::vector<InputLine> lines;       // data lines (comment-only and blank lines dropped)
  std::vector<std::string> raw_text;  // [TITLE] only: every non-comment line as written
};

struct TokenizedFile {
  std::vector<InputLine> stray_lines;  // data lines before the first section header
  std::vector<SectionBlock> sections;  // in file order; a section may appear more than once
};

/// Splits one line into tokens (comment removed).
std::vector<std::string> split_tokens(const std::string& line);

TokenizedFile tokenize_inp(const std::string& text);

/// The canonical section name for a header such as "[JUNCTIONS]" or "[junc]", matched like
/// SWMM (case-insensitive prefix); empty when SWMM has no such section.
std::string canonical_section_name(const std::string& header);

}  // namespace sf::inp
