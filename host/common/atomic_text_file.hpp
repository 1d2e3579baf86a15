// Writes a text file that appears complete or not at all (temporary name in the same folder, then
// rename), and says why when it cannot: "summary.json: cannot write summary.json.tmp: No space
// left on device". The temporary file never stays behind.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace sf {

inline void write_text_file_atomically(const std::string& path, const std::string& text,
                                       const std::string& tmp) {
  const auto fail = [&](const std::string& what, int err) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path + ": " + what + ": " + std::strerror(err));
  };
  errno = 0;
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) fail("cannot create " + tmp, errno);
  // stdio buffers: a full disk may show only at fflush or fclose, so all three are checked.
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  const int write_errno = errno;
  const bool flushed = written && std::fflush(f) == 0;
  const int flush_errno = errno;
  const bool closed = std::fclose(f) == 0;
  if (!written) fail("cannot write " + tmp, write_errno);
  if (!flushed) fail("cannot write " + tmp, flush_errno);
  if (!closed) fail("cannot write " + tmp, errno);
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error(path + ": cannot move " + tmp + " into place: " + ec.message());
  }
}

}  // namespace sf
