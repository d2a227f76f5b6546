// Files assembled into the program (the shipped models): MASAR_EMBED_FILE(name, "path") puts
// the file's bytes in .rodata between the symbols name_begin and name_end and defines
// name_bytes() to read them. CMake passes the path (masar_embed_file() in CMakeLists.txt), so a
// fresh install has no file to find at run time.
#pragma once

#include <cstddef>
#include <string_view>

#define MASAR_EMBED_FILE(name, path)                                                                       \
  __asm__(".section .rodata\n"                                                                             \
          ".global " #name "_begin\n" #name "_begin:\n"                                                    \
          ".incbin \"" path "\"\n"                                                                          \
          ".global " #name "_end\n" #name "_end:\n"                                                        \
          ".previous\n");                                                                                  \
  extern "C" const char name##_begin[];                                                                    \
  extern "C" const char name##_end[];                                                                      \
  static std::string_view name##_bytes() {                                                                 \
    return std::string_view(name##_begin, static_cast<std::size_t>(name##_end - name##_begin));          \
  }
