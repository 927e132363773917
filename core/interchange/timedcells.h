#pragma once

#include "model/attributes.h"

#include <QString>

namespace chronomap {

// Timed attribute values in one text, for the formats that have one cell or one <data> per
// attribute (CSV, GraphML): Gephi's spreadsheet syntax for intervals with values,
//
//     <[2020-01-01, 2020-12-31, 3]; [2021-01-01, Infinity, 4]>
//
// one [start, end, value] per timed value, in order. A bound is an ISO/EDTF date or a number
// (an abstract time step); "-Infinity"/"Infinity" is an open bound. A value with a comma,
// semicolon, bracket, quote or outer spaces is quoted, "with \"quotes\" and \\ escaped". An
// attribute with an untimed value too writes it first as [-Infinity, Infinity, value], and an
// interval open at both ends reads back as the untimed value. [timestamp, value] (Gephi's
// timestamp maps) is read as a value that held at one time.

// The cell of an attribute: its value when it is not timed, else the syntax above.
QString timedCellText(const Attribute& a);
// The cell of `name` in `list` ("" when it has none).
QString timedCellText(const Attributes& list, const QString& name);

// The attribute a cell holds, typed by the column's declared type ("integer", "double", ...;
// empty: guessed from the text as spreadsheets are). Timed values whose text does not fit the
// type make the whole attribute text, as GEXF's reader does; a cell that is not valid timed
// syntax is a plain value (kept as text when it does not fit its type).
Attribute attributeFromCell(const QString& declaredType, const QString& text);

// Whether the text is timed syntax that attributeFromCell reads as timed values.
bool isTimedCell(const QString& text);

} // namespace chronomap
