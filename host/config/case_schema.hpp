// Every key a case file may contain, with its type, default, unit and meaning. The reader refuses
// keys not listed here, and docs/case-file.md is generated from this table (`spongeflow
// case-keys`), with a test that the two agree.
#pragma once

#include <string>
#include <vector>

namespace sf::config {

struct KeySpec {
  const char* table;  // "case", "grid", ... ; "boundary" and "source" are arrays of tables
  const char* key;
  const char* type;           // "string", "number", "integer", "boolean", "path", "number or array"
  const char* default_value;  // "required" when it must be given, "-" when optional without default
  const char* unit;
  const char* description;
};

const std::vector<KeySpec>& case_schema();
const std::vector<std::string>& case_tables();

/// The documented default of a number key, as the reader uses it when the key is absent: the
/// schema is the one place that states it. `table` is the schema's table name ("lid", not
/// "lid[0]"). Throws std::logic_error when the key is not in the schema or its default is not a
/// plain number (a mistake in the program, which CaseKeys tests catch).
double schema_default(const std::string& table, const std::string& key);

/// Markdown paragraphs printed above a table's keys (what its keys mean together), or nullptr
/// (case_schema_notes.cpp).
const char* case_table_note(const std::string& table);

/// The key reference in Markdown, as found in docs/case-file.md.
std::string case_schema_markdown();

}  // namespace sf::config
