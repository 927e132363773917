#pragma once

// One description per stored entity: its table, its columns and how each field is written and
// read back. Every backend builds its SQL and binds its parameters from these, so a new field
// is one line here (plus the column in each backend's schema).

#include "model/entities.h"

#include <QColor>
#include <QString>

#include <span>
#include <variant>

namespace chronomap::tables {

// A value as a column holds it: NULL, an integer, a real or text.
using Value = std::variant<std::monostate, qint64, double, QString>;

inline bool isNull(const Value& v)
{
    return std::holds_alternative<std::monostate>(v);
}
inline qint64 toInt(const Value& v)
{
    if (const auto* i = std::get_if<qint64>(&v))
        return *i;
    if (const auto* d = std::get_if<double>(&v))
        return qint64(*d);
    return 0;
}
inline double toReal(const Value& v)
{
    if (const auto* d = std::get_if<double>(&v))
        return *d;
    if (const auto* i = std::get_if<qint64>(&v))
        return double(*i);
    return 0;
}
inline QString toText(const Value& v)
{
    if (const auto* s = std::get_if<QString>(&v))
        return *s;
    return {};
}
inline Value idOrNull(Id id)
{
    return id ? Value(qint64(id)) : Value();
}
inline Value optionalReal(const std::optional<double>& v)
{
    return v ? Value(*v) : Value();
}
inline QString colorText(const QColor& c)
{
    return c.isValid() ? c.name(c.alpha() == 255 ? QColor::HexRgb : QColor::HexArgb) : QString();
}
inline QColor colorOf(const QString& s)
{
    return s.isEmpty() ? QColor() : QColor::fromString(s);
}

// One column: the value written for an entity, and how a read value goes back into it.
// `set` is null for columns derived from another field (an event's sort keys from its date):
// they are written, never read back.
template <class T>
struct Column
{
    const char* name;
    Value (*get)(const T&);
    void (*set)(T&, const Value&);
};

// A table: its name, its columns (the first is always the id) and the order of a full read.
template <class T>
struct Table
{
    const char* name;
    std::span<const Column<T>> columns;
    const char* orderBy;
};

// The descriptions, one per entity (tables.cpp). Event participations and tags live in
// tables of their own and are written by each backend beside the event row.
template <class T>
const Table<T>& table();

template <>
const Table<Event>& table<Event>();
template <>
const Table<Actor>& table<Actor>();
template <>
const Table<Relation>& table<Relation>();
template <>
const Table<Source>& table<Source>();
template <>
const Table<Citation>& table<Citation>();
template <>
const Table<Annotation>& table<Annotation>();
template <>
const Table<Category>& table<Category>();
template <>
const Table<Era>& table<Era>();
template <>
const Table<Scene>& table<Scene>();
template <>
const Table<ChangeRecord>& table<ChangeRecord>();

// "a, b, c" of a table's columns.
template <class T>
QByteArray columnList(const Table<T>& t)
{
    QByteArray out;
    for (const Column<T>& c : t.columns) {
        if (!out.isEmpty())
            out += ", ";
        out += c.name;
    }
    return out;
}

} // namespace chronomap::tables
