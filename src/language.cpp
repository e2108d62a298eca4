#include "dormlink/language.hpp"

#include <atomic>

namespace dormlink {
namespace {

// Read by every thread that formats a message (the damage probe's too), written once by the CLI.
std::atomic<Language> g_message_language{Language::zh};

}  // namespace

Language message_language() { return g_message_language.load(std::memory_order_relaxed); }

void set_message_language(Language language) { g_message_language.store(language, std::memory_order_relaxed); }

}  // namespace dormlink
