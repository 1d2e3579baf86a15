// Malformed .inp files (tests/inp/malformed/*.inp): each must fail with a message naming the
// file, the line, the section and the field. The expected text is in the file's first line,
// after ";; expect: " (several lines allowed, each one a message fragment that must appear).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "inp/reader.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kDir = fs::path(SPONGEFLOW_SOURCE_DIR) / "tests" / "inp" / "malformed";

std::vector<std::string> expectations(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> out;
  std::string line;
  const std::string tag = ";; expect: ";
  while (std::getline(in, line) && line.rfind(tag, 0) == 0) out.push_back(line.substr(tag.size()));
  return out;
}

std::vector<std::string> malformed_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(kDir))
    if (e.path().extension() == ".inp") files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

class Malformed : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(Malformed, FailsWithAnActionableMessage) {
  const fs::path file = kDir / GetParam();
  const auto expected = expectations(file);
  ASSERT_FALSE(expected.empty()) << "no ';; expect:' line in " << file;
  try {
    sf::inp::read_inp_file(file.string());
    FAIL() << "no error for " << GetParam();
  } catch (const sf::InputError& e) {
    const std::string what = e.what();
    for (const auto& fragment : expected) {
      // "$F" stands for the file path as given to the reader.
      std::string f = fragment;
      if (auto pos = f.find("$F"); pos != std::string::npos) f.replace(pos, 2, file.string());
      EXPECT_NE(what.find(f), std::string::npos) << "expected \"" << f << "\" in:\n" << what;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllFiles, Malformed, ::testing::ValuesIn(malformed_files()),
                         [](const auto& info) {
                           std::string n = info.param.substr(0, info.param.size() - 4);
                           for (char& c : n)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(MalformedInline, CollectsEveryErrorOfTheFile) {
  const std::string text =
      "[OPTIONS]\nEND_DATE 01/02/2004\n[JUNCTIONS]\nJ1 10 5\nJ2 x 5\n[CONDUITS]\nC1 J1 J3 100 "
      "0.013 0 0\nC2 J1 J2 -5 0.013 0 0\n"
      "[XSECTIONS]\nC1 CIRCULAR 1 0 0 0\nC2 CIRCULAR 1 0 0 0\n[OUTFALLS]\nO1 0 FREE\n";
  try {
    sf::inp::read_inp_text(text, "net.inp");
    FAIL();
  } catch (const sf::InputError& e) {
    ASSERT_EQ(e.issues().size(), 3u) << e.what();
    EXPECT_EQ(
        e.issues()[0].format(),
        "net.inp:5: [JUNCTIONS] J2: invert elevation \"x\" is not a number; expected a number");
    EXPECT_EQ(e.issues()[1].line, 7);
    EXPECT_EQ(e.issues()[2].line, 8);
  }
}

TEST(MalformedInline, StopsAfterOneHundredErrors) {
  std::string text = "[OPTIONS]\nEND_DATE 01/02/2004\n[JUNCTIONS]\n";
  for (int i = 0; i < 150; ++i) text += "J" + std::to_string(i) + " bad 1\n";
  try {
    sf::inp::read_inp_text(text, "big.inp");
    FAIL();
  } catch (const sf::InputError& e) {
    EXPECT_EQ(e.issues().size(), 101u);  // 100 errors and the note that more were dropped
    EXPECT_NE(e.issues().back().message.find("too many errors"), std::string::npos);
  }
}

TEST(MalformedInline, MissingFileIsAnInputError) {
  EXPECT_THROW(sf::inp::read_inp_file("/nonexistent/x.inp"), sf::InputError);
}
