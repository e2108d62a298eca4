#pragma once
// What every bench tool shares: its main (arguments, --help, errors mapped to dormlink's exit
// codes) and a millisecond timer.

#include <chrono>
#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <fmt/ostream.h>

#include "dormlink/error.hpp"

namespace dormlink::bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// parse(args) -> Options with a bool `help`; run(options, std::cout) -> exit code.
template <typename Parse, typename Run>
int tool_main(std::string_view name, std::string_view usage, int argc, char** argv, Parse parse, Run run) {
  try {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    const auto options = parse(args);
    if (options.help) {
      fmt::print(std::cout, "{}", usage);
      return 0;
    }
    return run(options, std::cout);
  } catch (const UsageError& error) {
    fmt::print(std::cerr, "{}: error: {}\n{}", name, error.what(), usage);
    return static_cast<int>(ExitCode::usage);
  } catch (const Error& error) {
    fmt::print(std::cerr, "{}: error: {}\n", name, error.what());
    return static_cast<int>(error.code());
  } catch (const std::exception& error) {
    fmt::print(std::cerr, "{}: error: {}\n", name, error.what());
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace dormlink::bench
