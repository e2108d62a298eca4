#include "cli/scrubbed_stream.hpp"

#include "dormlink/message.hpp"

namespace dormlink::cli {

ScrubbingBuffer::~ScrubbingBuffer() {
  emit();
  m_target.flush();
}

ScrubbingBuffer::int_type ScrubbingBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  m_line.push_back(traits_type::to_char_type(c));
  if (m_line.back() == '\n') emit();
  return c;
}

std::streamsize ScrubbingBuffer::xsputn(const char* text, std::streamsize count) {
  for (std::streamsize i = 0; i < count; ++i) {
    m_line.push_back(text[i]);
    if (text[i] == '\n') emit();
  }
  return count;
}

int ScrubbingBuffer::sync() {
  emit();
  m_target.flush();
  return m_target ? 0 : -1;
}

void ScrubbingBuffer::emit() {
  if (m_line.empty()) return;
  m_target << scrub_message(m_line);
  m_line.clear();
}

}  // namespace dormlink::cli
