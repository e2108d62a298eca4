# dormlink_deps: the libraries of dormlink_core, linked so that start-up stays cheap
# (docs/performance.md, part 4). A shared library costs every process its loading and
# relocation whether the command uses it or not; SQLite, ICU, Nettle, minizip, expat and zlib
# are linked from their Debian static archives (only the objects dormlink calls, resolved at
# link time), and libxlsxwriter, which Debian ships only shared, is opened with dlopen when an
# Excel file is first written (src/xlsx/lxw.cpp). DORMLINK_STATIC_DEPS=OFF links them all shared.
option(DORMLINK_STATIC_DEPS "Link SQLite, ICU, Nettle, minizip, expat and zlib statically" ON)

add_library(dormlink_deps INTERFACE)
target_include_directories(dormlink_deps SYSTEM INTERFACE ${XLSXWRITER_INCLUDE_DIRS})
target_link_libraries(dormlink_deps INTERFACE ${CMAKE_DL_LIBS})

# The SONAME libxlsxwriter is opened by: the name the linker would have recorded.
find_library(DORMLINK_XLSXWRITER_LIBRARY xlsxwriter HINTS ${XLSXWRITER_LIBRARY_DIRS} REQUIRED)
execute_process(COMMAND objdump -p ${DORMLINK_XLSXWRITER_LIBRARY} OUTPUT_VARIABLE _lxw_dynamic)
string(REGEX MATCH "SONAME +([^\n ]+)" _lxw_soname "${_lxw_dynamic}")
if(NOT CMAKE_MATCH_1)
  message(FATAL_ERROR "cannot read the SONAME of ${DORMLINK_XLSXWRITER_LIBRARY} (is binutils installed?)")
endif()
target_compile_definitions(dormlink_deps INTERFACE DORMLINK_XLSXWRITER_SONAME="${CMAKE_MATCH_1}")

set(_static_found TRUE)
foreach(_lib sqlite3 icui18n icuuc icudata nettle minizip expat z)
  find_library(DORMLINK_STATIC_${_lib} lib${_lib}.a)
  if(NOT DORMLINK_STATIC_${_lib})
    set(_static_found FALSE)
  endif()
endforeach()

if(DORMLINK_STATIC_DEPS AND _static_found)
  find_package(Threads REQUIRED)
  # SQLiteCpp links SQLite::SQLite3 (FindSQLite3's shared library): the same library, from
  # its archive (libsqlite3-dev builds both from one source and configuration).
  set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${DORMLINK_STATIC_sqlite3}
                                                   INTERFACE_LINK_LIBRARIES "Threads::Threads;${CMAKE_DL_LIBS};m")
  target_include_directories(dormlink_deps SYSTEM INTERFACE ${ICU_INCLUDE_DIRS} ${NETTLE_INCLUDE_DIRS}
                                                            ${MINIZIP_INCLUDE_DIRS} ${EXPAT_INCLUDE_DIRS})
  target_link_libraries(dormlink_deps INTERFACE
    ${DORMLINK_STATIC_icui18n} ${DORMLINK_STATIC_icuuc} ${DORMLINK_STATIC_icudata}
    ${DORMLINK_STATIC_nettle} ${DORMLINK_STATIC_minizip} ${DORMLINK_STATIC_expat} ${DORMLINK_STATIC_z}
    Threads::Threads ${CMAKE_DL_LIBS})
  message(STATUS "dormlink: SQLite, ICU, Nettle, minizip, expat and zlib linked statically; libxlsxwriter opened on first use")
else()
  if(DORMLINK_STATIC_DEPS)
    message(STATUS "dormlink: a static archive is missing; linking SQLite, ICU, Nettle, minizip, expat and zlib shared")
  endif()
  target_link_libraries(dormlink_deps INTERFACE ICU::uc ICU::i18n PkgConfig::NETTLE PkgConfig::MINIZIP PkgConfig::EXPAT)
endif()
