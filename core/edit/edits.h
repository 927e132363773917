#pragma once

#include "editcommand.h"

namespace chronomap {

// The edits the window offers, as commands ready for EditGuard::push. Each reads what it
// needs from the story now, so undo can restore exactly that.

// A new entry (id 0: the file gives it one).
EditCommand* makeInsert(Story* story, const Entity& entry);
// The entry replaced by `after` (same id); nullptr if nothing differs or it no longer exists.
EditCommand* makeUpdate(Story* story, const Entity& after);
// Several entries changed as one step (a multi-node drag, a batch edit).
EditCommand* makeUpdateMany(Story* story, const QList<Entity>& afters, const QString& text);
// Deletes an entry with everything that goes with it: citations, notes and their replies,
// an actor's relations and participations. nullptr if the entry is gone.
EditCommand* makeDelete(Story* story, EntityRef ref);
EditCommand* makeDeleteCitation(Story* story, Id citationId);
// Pins an actor at a place on the map (nullopt: unpins it), as one undoable step with its
// line in the audit log; nullptr if the actor is gone or already there.
EditCommand* makePin(Story* story, Id actorId, std::optional<std::pair<double, double>> where);
// Sets the verification status of events and relations (others are ignored); nullptr if
// none changes.
EditCommand* makeSetStatus(Story* story, const QList<EntityRef>& refs, Verification status);
// A note on an entry (parentId: a reply), by the story's author, now.
EditCommand* makeAnnotate(Story* story, EntityRef target, const QString& body, Id parentId = 0);
EditCommand* makeResolve(Story* story, Id annotationId, bool resolved);
// Cites a source for an entry with the sentence it rests on.
EditCommand* makeCite(Story* story, EntityRef target, Id sourceId, const QString& quote,
                      const QString& locator = {});

} // namespace chronomap
