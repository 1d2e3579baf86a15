// A small JSON reader for the SWMM reference summaries (tests only; no external library).
#pragma once

#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace sf::testing {

struct Json {
  enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
  bool b = false;
  double num = 0.0;
  std::string str;
  std::vector<Json> arr;
  std::map<std::string, Json> obj;

  bool has(const std::string& k) const { return kind == Kind::Object && obj.count(k) > 0; }
  const Json& operator[](const std::string& k) const {
    static const Json null;
    auto it = obj.find(k);
    return it == obj.end() ? null : it->second;
  }
  double number_or(double d) const { return kind == Kind::Number ? num : d; }
};

class JsonParser {
 public:
  explicit JsonParser(const std::string& text) : s_(text) {}
  Json parse() {
    Json v = value();
    return v;
  }

 private:
  void ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  Json value() {
    ws();
    if (i_ >= s_.size()) throw std::runtime_error("unexpected end of JSON");
    const char c = s_[i_];
    Json v;
    if (c == '{') {
      v.kind = Json::Kind::Object;
      ++i_;
      ws();
      if (s_[i_] == '}') {
        ++i_;
        return v;
      }
      for (;;) {
        ws();
        std::string key = string();
        ws();
        ++i_;  // ':'
        v.obj[key] = value();
        ws();
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        ++i_;  // '}'
        return v;
      }
    }
    if (c == '[') {
      v.kind = Json::Kind::Array;
      ++i_;
      ws();
      if (s_[i_] == ']') {
        ++i_;
        return v;
      }
      for (;;) {
        v.arr.push_back(value());
        ws();
        if (s_[i_] == ',') {
          ++i_;
          continue;
        }
        ++i_;
        return v;
      }
    }
    if (c == '"') {
      v.kind = Json::Kind::String;
      v.str = string();
      return v;
    }
    if (s_.compare(i_, 4, "null") == 0) {
      i_ += 4;
      return v;
    }
    if (s_.compare(i_, 4, "true") == 0) {
      i_ += 4;
      v.kind = Json::Kind::Bool;
      v.b = true;
      return v;
    }
    if (s_.compare(i_, 5, "false") == 0) {
      i_ += 5;
      v.kind = Json::Kind::Bool;
      return v;
    }
    char* end = nullptr;
    v.kind = Json::Kind::Number;
    v.num = std::strtod(s_.c_str() + i_, &end);
    i_ = static_cast<size_t>(end - s_.c_str());
    return v;
  }
  std::string string() {
    std::string out;
    ++i_;  // opening quote
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') {
        ++i_;
        const char e = s_[i_];
        if (e == 'n')
          out += '\n';
        else if (e == 't')
          out += '\t';
        else if (e == 'u') {
          out += '?';
          i_ += 4;
        } else
          out += e;
        ++i_;
        continue;
      }
      out += s_[i_++];
    }
    ++i_;
    return out;
  }
  const std::string& s_;
  size_t i_ = 0;
};

}  // namespace sf::testing
