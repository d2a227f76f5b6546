// --from / --to of the commands that filter by date: a year, a month or a day, checked and
// turned into the day it stands for (extract::date_bound) before the command runs.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "masar/extract/dates.hpp"

namespace masar::cli {

inline CLI::Option* add_date_option(CLI::App& cmd, const std::string& name, std::string& into, extract::DateEdge edge,
                                    const std::string& help) {
  return cmd.add_option(name, into, help + ": YYYY, YYYY-MM or YYYY-MM-DD")
      ->transform(CLI::Validator(
          [edge](std::string& value) {
            const auto day = extract::date_bound(value, edge);
            if (!day) return "a date YYYY[-MM[-DD]] that exists, 1900-2100, not \"" + value + "\"";
            value = *day;
            return std::string();
          },
          "DATE"));
}

}  // namespace masar::cli
