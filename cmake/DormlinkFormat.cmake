# `format`: rewrites every C++ source with clang-format (.clang-format); `format-check`: fails
# on the first file that differs (scripts/test.sh runs it); `tidy`: clang-tidy (.clang-tidy)
# over src/ with this build's compile commands. clang-format and clang-tidy come from
# scripts/setup-deps.sh; without them the targets say so.
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
file(GLOB_RECURSE dormlink_format_sources CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/src/*.cpp ${PROJECT_SOURCE_DIR}/src/*.hpp
     ${PROJECT_SOURCE_DIR}/include/*.hpp
     ${PROJECT_SOURCE_DIR}/tests/*.cpp ${PROJECT_SOURCE_DIR}/tests/*.hpp
     ${PROJECT_SOURCE_DIR}/bench/*.cpp ${PROJECT_SOURCE_DIR}/examples/*.cpp ${PROJECT_SOURCE_DIR}/examples/*.hpp)
find_program(CLANG_FORMAT NAMES clang-format clang-format-14)
find_program(CLANG_TIDY NAMES clang-tidy clang-tidy-14)
if(CLANG_FORMAT)
  add_custom_target(format COMMAND ${CLANG_FORMAT} -i ${dormlink_format_sources}
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "clang-format -i")
  add_custom_target(format-check COMMAND ${CLANG_FORMAT} --dry-run --Werror ${dormlink_format_sources}
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "clang-format --dry-run --Werror")
else()
  add_custom_target(format COMMAND ${CMAKE_COMMAND} -E echo "format: install clang-format (scripts/setup-deps.sh)")
endif()
if(CLANG_TIDY)
  file(GLOB_RECURSE dormlink_tidy_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/*.cpp)
  add_custom_target(tidy COMMAND ${CLANG_TIDY} -p ${PROJECT_BINARY_DIR} --quiet ${dormlink_tidy_sources}
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} COMMENT "clang-tidy over src/")
endif()
