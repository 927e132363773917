#pragma once

namespace chronomap::pgschema {

// A proposed migration of the shared stories' schema (issue 15 §6), kept apart from
// pgschema.cpp until the lead adds it to the list of migrations: a reporter may take back
// (undo the insert of) an entry they added themselves while it is still a draft, and nothing
// else. The server records who added each row (a trigger sets `created_by` to the inserting
// database user and keeps it on every update, whatever the client sends), and a DELETE policy
// lets the reporter role delete only rows it created that are still drafts; standards still
// delete anything. Tables without a status (actors, sources, citations, notes) get row-level
// security with the same rule minus the status.
const char* ownDraftsMigration();

} // namespace chronomap::pgschema
