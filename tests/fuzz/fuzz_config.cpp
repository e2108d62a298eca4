// Fuzzes the config loader on raw text (parse_config: the lexical pre-check, then toml++,
// then validation). Properties: only dormlink::ConfigError escapes; a config that loads
// renders (render_config) to text that loads back to an equal Config.

#include <string>

#include "dormlink/config.hpp"
#include "dormlink/error.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using dormlink::fuzz::require;
  const std::string_view text = dormlink::fuzz::as_text(data, size);
  dormlink::Config config;
  try {
    config = dormlink::parse_config(text, "fuzz.toml");
  } catch (const dormlink::ConfigError&) {
    return 0;  // the documented outcome: every problem, located
  }
  const std::string rendered = dormlink::render_config(config);
  require(dormlink::render_config(config) == rendered, "config: render is deterministic");
  dormlink::Config again;
  try {
    again = dormlink::parse_config(rendered, "rendered.toml");
  } catch (const dormlink::ConfigError& error) {
    std::fprintf(stderr, "%s\n", error.what());
    require(false, "config: the rendered config loads");
  }
  require(again == config, "config: render_config parses back to an equal Config");
  return 0;
}
