#pragma once
// Standard error as the user's terminal receives it: every line dormlink writes there passes
// through scrub_message (message.hpp), so no phone number, attention category or control
// sequence reaches it even from a message that forgot quote_value (docs/security.md).

#include <ostream>
#include <streambuf>
#include <string>

namespace dormlink::cli {

// Buffers a line, then writes it scrubbed to the target; a flush writes the partial line (a
// prompt) scrubbed too.
class ScrubbingBuffer : public std::streambuf {
 public:
  explicit ScrubbingBuffer(std::ostream& target) : m_target(target) {}
  ScrubbingBuffer(const ScrubbingBuffer&) = delete;
  ScrubbingBuffer& operator=(const ScrubbingBuffer&) = delete;
  ~ScrubbingBuffer() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  void emit();

  std::ostream& m_target;
  std::string m_line;
};

// An ostream over a ScrubbingBuffer; what is left unflushed is written when it is destroyed.
class ScrubbedStream : public std::ostream {
 public:
  explicit ScrubbedStream(std::ostream& target) : std::ostream(nullptr), m_buffer(target) { rdbuf(&m_buffer); }

 private:
  ScrubbingBuffer m_buffer;
};

}  // namespace dormlink::cli
