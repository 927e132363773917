#pragma once

#include "model/entities.h"

#include <QString>

namespace chronomap {

class Store;

// The hover card of an event, as rich text: its date in the story's words and as EDTF, the
// title, the actors with their roles, each cited source once, and the status. One function
// so the window's card and the bench's measured card are the same.
QString eventCardHtml(const Store& store, Id event);

// The card's date line: the story's own words (or the date in the user's language) and the
// EDTF it stands for, "late October 2025 · 2025-10-21~/2025-10-31~", never one inside the
// other's brackets.
QString eventCardDate(const Event& event);

} // namespace chronomap
