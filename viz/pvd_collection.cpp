#include "viz/pvd_collection.hpp"

#include "viz/atomic_file.hpp"

#include <cstdlib>
#include <locale>
#include <sstream>

namespace sf::viz {
namespace {

/// Shortest decimal text that reads back to the same double (times must not drift).
std::string exact_number(double v) {
  for (int precision = 6; precision <= 17; ++precision) {
    std::ostringstream s;
    s.imbue(std::locale::classic());  // "0.5", never "0,5"
    s.precision(precision);
    s << v;
    if (std::strtod(s.str().c_str(), nullptr) == v) return s.str();
  }
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s.precision(17);
  s << v;
  return s.str();
}

std::string xml_escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string pvd_xml(const std::vector<PvdEntry>& entries) {
  std::ostringstream s;
  s << "<?xml version=\"1.0\"?>\n"
    << "<VTKFile type=\"Collection\" version=\"0.1\" byte_order=\"LittleEndian\">\n"
    << "  <Collection>\n";
  for (const PvdEntry& e : entries)
    s << "    <DataSet timestep=\"" << exact_number(e.time_s) << "\" group=\"\" part=\"0\" file=\""
      << xml_escaped(e.file) << "\"/>\n";
  s << "  </Collection>\n"
    << "</VTKFile>\n";
  return s.str();
}

void PvdCollection::open(std::string path) {
  path_ = std::move(path);
  entries_.clear();
  indices_.clear();
  write_text_file_atomically(path_, pvd_xml(entries_));
}

void PvdCollection::record(int index, double time_s, const std::string& file) {
  const PvdEntry entry{time_s, file};
  bool replaced = false;
  for (std::size_t e = 0; e < entries_.size(); ++e)
    if (indices_[e] == index) {
      entries_[e] = entry;
      replaced = true;
    }
  if (!replaced) {
    entries_.push_back(entry);
    indices_.push_back(index);
  }
  write_text_file_atomically(path_, pvd_xml(entries_));
}

}  // namespace sf::viz
