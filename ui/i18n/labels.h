#pragma once

#include "model/entities.h"

#include <QString>

namespace chronomap {

// The words the window shows for a story's fixed vocabularies, in the user's language.
// verificationName() and friends are the names files and interchange formats store ("draft",
// "person"): they never change with the language, so the window asks here instead.
QString statusLabel(Verification status); // "draft", "confirmed", … translated
QString actorKindLabel(ActorKind kind);   // "person", "organization", … translated
QString entityKindLabel(EntityKind kind); // "event", "actor", … translated
// An audit line's action ("insert", "annotate", … as the file stores it) in plain words
// ("Created", "Added a note", …); an action it does not know is shown as stored.
QString changeActionLabel(const QString& action);

} // namespace chronomap
