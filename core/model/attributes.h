#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace chronomap {

// A column or attribute a file brought that the story has no field for (Gephi's "Modularity
// Class", a GraphML "degree", a spreadsheet's "party"), kept with its type so that it can be
// shown, edited, drawn (colour, size) and written back as what it was.
enum class AttributeType : quint8
{
    String = 0,
    Integer = 1,
    Double = 2,
    Boolean = 3,
    Date = 4, // EDTF text
    List = 5  // of strings; the value is the items joined by "|" ("a|b|c")
};
QString attributeTypeName(AttributeType t); // "string", "integer", ...
std::optional<AttributeType> attributeTypeFromName(const QString& name);

// One value of a timed attribute and when it held (GEXF's <attvalue value= start= end=>, or
// timestamp=): the bounds as the file gave them, a date (EDTF) or, in a graph whose
// timeformat is integer or double, an abstract time step ("3", "2.5"); empty is open.
struct AttributeSpell
{
    QString value; // canonical text of the attribute's type
    QString start, end;
    friend bool operator==(const AttributeSpell&, const AttributeSpell&) = default;
};

struct Attribute
{
    QString name;
    AttributeType type = AttributeType::String;
    QString value; // canonical text: "12", "0.5", "true", "2025-10", "a|b"; "" for timed only
    // Values that held for a time (a dynamic graph's "Weight" 1 in 2000, 2 in 2001), kept
    // timed rather than flattened; `value` is the attribute's untimed value, if it has one.
    QList<AttributeSpell> spells = {};
    friend bool operator==(const Attribute&, const Attribute&) = default;

    bool isTimed() const { return !spells.isEmpty(); }
    // The untimed value, else the last timed one (what a single number stands for).
    QString currentValue() const
    {
        return value.isEmpty() && !spells.isEmpty() ? spells.last().value : value;
    }

    // The value as a number (integer, double, boolean as 0/1); nullopt for others or none.
    std::optional<double> number() const;
    QStringList items() const; // a list's items
};
using Attributes = QList<Attribute>;

// The value of `name` in `list`, or null.
const Attribute* findAttribute(const Attributes& list, const QString& name);
QString attributeText(const Attributes& list, const QString& name);
// Sets or adds `name` (keeping the order of first appearance).
void setAttribute(Attributes& list, const QString& name, const Attribute& value);
// A typed value from a file's declared type ("int", "long", "float", "double", "boolean",
// "string", "liststring", "date", ...); the text is checked and made canonical. Returns
// nullopt when the text does not fit the type (the caller says where).
std::optional<Attribute> typedAttribute(const QString& declaredType, const QString& text);
// The type a spreadsheet cell suggests: whole number, number, true/false, else text.
Attribute guessedValue(const QString& text);

// The attributes as a JSON object for the story file and the audit log:
// {"name": {"type": "integer", "value": "12"}, ...}, and back (nullopt if malformed). A timed
// attribute adds "spells": [[start, end, value], ...].
QString spellsToJson(const QList<AttributeSpell>& spells); // "[[start, end, value], ...]"
std::optional<QList<AttributeSpell>> spellsFromJson(const QString& json);
QString attributesToJson(const Attributes& list);
std::optional<Attributes> attributesFromJson(const QString& json);

} // namespace chronomap
