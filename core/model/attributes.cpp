#include "attributes.h"

#include "partialdate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace chronomap {

namespace {

constexpr const char* kTypeNames[] = {"string", "integer", "double", "boolean", "date", "list"};

// "[a, 'b', \"c\"]", "a|b|c" or "a,b,c" as GEXF tools write lists.
QStringList listItems(const QString& text)
{
    QString t = text.trimmed();
    if (t.startsWith(u'[') && t.endsWith(u']'))
        t = t.mid(1, t.size() - 2);
    if (t.trimmed().isEmpty())
        return {};
    const QChar sep = t.contains(u'|') ? u'|' : u',';
    QStringList out;
    for (QString item : t.split(sep)) {
        item = item.trimmed();
        if (item.size() >= 2 && (item.front() == u'\'' || item.front() == u'"') &&
            item.back() == item.front())
            item = item.mid(1, item.size() - 2).replace(QStringLiteral("\\'"), QStringLiteral("'"));
        out << item;
    }
    return out;
}

} // namespace

QString attributeTypeName(AttributeType t)
{
    return QLatin1String(kTypeNames[int(t) % 6]);
}

std::optional<AttributeType> attributeTypeFromName(const QString& name)
{
    for (int i = 0; i < 6; ++i)
        if (name == QLatin1String(kTypeNames[i]))
            return AttributeType(i);
    return std::nullopt;
}

std::optional<double> Attribute::number() const
{
    const QString v = currentValue();
    if (type == AttributeType::Boolean)
        return v == QLatin1String("true") ? 1.0 : 0.0;
    if (type != AttributeType::Integer && type != AttributeType::Double)
        return std::nullopt;
    bool ok = false;
    const double d = v.toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}

QStringList Attribute::items() const
{
    return value.isEmpty() ? QStringList() : value.split(u'|');
}

const Attribute* findAttribute(const Attributes& list, const QString& name)
{
    for (const Attribute& a : list)
        if (a.name == name)
            return &a;
    return nullptr;
}

QString attributeText(const Attributes& list, const QString& name)
{
    const Attribute* a = findAttribute(list, name);
    return a ? a->value : QString();
}

void setAttribute(Attributes& list, const QString& name, const Attribute& value)
{
    Attribute v = value;
    v.name = name;
    for (Attribute& a : list)
        if (a.name == name) {
            a = v;
            return;
        }
    list.append(v);
}

std::optional<Attribute> typedAttribute(const QString& declaredType, const QString& text)
{
    const QString t = declaredType.trimmed().toLower();
    const QString v = text.trimmed();
    Attribute a;
    if (t == QLatin1String("int") || t == QLatin1String("integer") || t == QLatin1String("long") ||
        t == QLatin1String("short") || t == QLatin1String("byte") ||
        t == QLatin1String("bigint")) {
        bool ok = false;
        const qlonglong n = v.toLongLong(&ok);
        if (!ok) {
            // "3.0" from tools that write every number as a double.
            const double d = v.toDouble(&ok);
            if (!ok || !std::isfinite(d) || d != std::floor(d) || std::abs(d) > 9.0e15)
                return std::nullopt;
            a.value = QString::number(qlonglong(d));
        } else {
            a.value = QString::number(n);
        }
        a.type = AttributeType::Integer;
    } else if (t == QLatin1String("float") || t == QLatin1String("double") ||
               t == QLatin1String("bigdecimal")) {
        bool ok = false;
        double d = v.toDouble(&ok);
        const QString lower = v.toLower();
        if (!ok && (lower == QLatin1String("inf") || lower == QLatin1String("infinity") ||
                    lower == QLatin1String("+inf"))) {
            d = INFINITY;
            ok = true;
        } else if (!ok && (lower == QLatin1String("-inf") || lower == QLatin1String("-infinity"))) {
            d = -INFINITY;
            ok = true;
        } else if (!ok && lower == QLatin1String("nan")) {
            d = NAN;
            ok = true;
        }
        if (!ok)
            return std::nullopt;
        a.type = AttributeType::Double;
        a.value = std::isnan(d)   ? QStringLiteral("NaN")
                  : std::isinf(d) ? (d > 0 ? QStringLiteral("INF") : QStringLiteral("-INF"))
                                  : QString::number(d, 'g', QLocale::FloatingPointShortest);
    } else if (t == QLatin1String("boolean") || t == QLatin1String("bool")) {
        const QString l = v.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("1") || l == QLatin1String("yes"))
            a.value = QStringLiteral("true");
        else if (l == QLatin1String("false") || l == QLatin1String("0") ||
                 l == QLatin1String("no"))
            a.value = QStringLiteral("false");
        else
            return std::nullopt;
        a.type = AttributeType::Boolean;
    } else if (t == QLatin1String("date")) {
        const PartialDate d = PartialDate::fromEdtf(v);
        if (!d.isValid()) {
            a.type = AttributeType::String; // a date we cannot read is kept as it was written
            a.value = text;
            return a;
        }
        a.type = AttributeType::Date;
        a.value = d.edtf();
    } else if (t.startsWith(QLatin1String("list")) || t == QLatin1String("list")) {
        a.type = AttributeType::List;
        a.value = listItems(v).join(u'|');
    } else {
        a.type = AttributeType::String;
        a.value = text;
    }
    return a;
}

Attribute guessedValue(const QString& text)
{
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]{1,15}$"));
    static const QRegularExpression real(
        QStringLiteral("^[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?$"));
    const QString v = text.trimmed();
    Attribute a;
    a.value = text;
    if (integer.match(v).hasMatch()) {
        a.type = AttributeType::Integer;
        a.value = QString::number(v.toLongLong());
    } else if (real.match(v).hasMatch()) {
        a.type = AttributeType::Double;
        a.value = QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    } else if (v == QLatin1String("true") || v == QLatin1String("false")) {
        a.type = AttributeType::Boolean;
        a.value = v;
    }
    return a;
}

namespace {

QJsonArray spellsArray(const QList<AttributeSpell>& spells)
{
    QJsonArray out;
    for (const AttributeSpell& s : spells)
        out.append(QJsonArray{s.start, s.end, s.value});
    return out;
}

std::optional<QList<AttributeSpell>> spellsOf(const QJsonValue& v)
{
    if (!v.isArray())
        return std::nullopt;
    QList<AttributeSpell> out;
    for (const QJsonValue& item : v.toArray()) {
        const QJsonArray s = item.toArray();
        if (s.size() != 3 || !s.at(0).isString() || !s.at(1).isString() || !s.at(2).isString())
            return std::nullopt;
        out.append(AttributeSpell{s.at(2).toString(), s.at(0).toString(), s.at(1).toString()});
    }
    return out;
}

} // namespace

QString spellsToJson(const QList<AttributeSpell>& spells)
{
    return QString::fromUtf8(QJsonDocument(spellsArray(spells)).toJson(QJsonDocument::Compact));
}

std::optional<QList<AttributeSpell>> spellsFromJson(const QString& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return spellsOf(doc.array());
}

QString attributesToJson(const Attributes& list)
{
    if (list.isEmpty())
        return {};
    QJsonObject o;
    for (const Attribute& a : list) {
        QJsonObject v{{QStringLiteral("type"), attributeTypeName(a.type)},
                      {QStringLiteral("value"), a.value}};
        if (a.isTimed())
            v.insert(QStringLiteral("spells"), spellsArray(a.spells));
        o.insert(a.name, v);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<Attributes> attributesFromJson(const QString& json)
{
    if (json.trimmed().isEmpty())
        return Attributes{};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    Attributes out;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        const auto type = attributeTypeFromName(v.value(QStringLiteral("type")).toString());
        if (!type || !v.value(QStringLiteral("value")).isString())
            return std::nullopt;
        Attribute a{it.key(), *type, v.value(QStringLiteral("value")).toString()};
        if (v.contains(QStringLiteral("spells"))) {
            const auto spells = spellsOf(v.value(QStringLiteral("spells")));
            if (!spells)
                return std::nullopt;
            a.spells = *spells;
        }
        out.append(a);
    }
    return out;
}

} // namespace chronomap
