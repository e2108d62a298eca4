# dormlink_standard: the one INTERFACE target that carries the language standard, warnings
# and sanitizer flags. Every dormlink target links it PRIVATE; nothing is set globally.
add_library(dormlink_standard INTERFACE)
target_compile_features(dormlink_standard INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(dormlink_standard INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align -Wformat=2 -Wimplicit-fallthrough)

if(DORMLINK_WERROR)
  target_compile_options(dormlink_standard INTERFACE -Werror)
endif()

# ASan + UBSan (GCC or Clang); a UBSan report aborts, so it fails the test that caused it.
if(DORMLINK_SANITIZE)
  target_compile_options(dormlink_standard INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
    # GCC 12 reports false "maybe uninitialized" in std::function/std::regex under ASan
    $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  target_link_options(dormlink_standard INTERFACE -fsanitize=address,undefined)
endif()
