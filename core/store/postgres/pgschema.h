#pragma once

#include <span>

namespace chronomap::pgschema {

// One migration of the shared stories' schema (in the database's `chronomap` schema): the SQL
// that takes it from version `to - 1` to `to`. Applied in order, each in its own transaction;
// a shipped migration is never edited. The version lives in chronomap.schema_version.
struct Migration
{
    int to;
    const char* sql;
};

std::span<const Migration> migrations();
int latestVersion();

// The four roles, weakest first, as named in the database.
inline constexpr const char* kRoles[] = {"chronomap_viewer", "chronomap_reporter",
                                         "chronomap_editor", "chronomap_standards"};

} // namespace chronomap::pgschema
