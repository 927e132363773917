#pragma once

#include "model/attributes.h"

#include <QString>

// Story format 2 on PostgreSQL: an entry's typed attributes as the one text column that holds
// them, a compact JSON array of [name, type, value] in order ("" for none).
namespace chronomap::pgattributes {

QString encode(const Attributes& list);
Attributes decode(const QString& text);

} // namespace chronomap::pgattributes
