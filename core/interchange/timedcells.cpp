#include "timedcells.h"

#include "model/partialdate.h"

#include <optional>

namespace chronomap {

namespace {

bool needsQuotes(const QString& v)
{
    if (v.isEmpty() || v.trimmed() != v)
        return true;
    for (const QChar c : v)
        if (c == u',' || c == u';' || c == u'[' || c == u']' || c == u'<' || c == u'>' ||
            c == u'"' || c == u'\\')
            return true;
    return false;
}

QString quoted(const QString& v)
{
    if (!needsQuotes(v))
        return v;
    QString out = QStringLiteral("\"");
    for (const QChar c : v) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

QString boundText(const QString& b, bool start)
{
    if (!b.isEmpty())
        return b;
    return start ? QStringLiteral("-Infinity") : QStringLiteral("Infinity");
}

bool isOpen(const QString& b)
{
    const QString l = b.toLower();
    return l.isEmpty() || l == QLatin1String("infinity") || l == QLatin1String("-infinity") ||
           l == QLatin1String("+infinity") || l == QLatin1String("inf") ||
           l == QLatin1String("-inf");
}

// A bound as the reader keeps it: empty when open, else a number or a date as written;
// nullopt when it is neither (the cell is then not timed syntax).
std::optional<QString> bound(const QString& text)
{
    const QString b = text.trimmed();
    if (isOpen(b))
        return QString();
    bool number = false;
    b.toDouble(&number);
    if (number || PartialDate::fromEdtf(b).isValid())
        return b;
    return std::nullopt;
}

struct Interval
{
    QString start, end, value;
};

// "<[a, b, v]; [c, d, w]>" as its intervals; nullopt when the text is anything else.
std::optional<QList<Interval>> intervals(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() < 4 || !t.startsWith(QLatin1String("<[")) || !t.endsWith(u'>'))
        return std::nullopt;
    QList<Interval> out;
    qsizetype i = 1;
    const qsizetype last = t.size() - 1; // the closing '>'
    auto skipSpaces = [&] {
        while (i < last && t.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpaces();
        if (i >= last || t.at(i) != u'[')
            return std::nullopt;
        ++i;
        QStringList fields;
        bool closed = false;
        while (!closed) {
            skipSpaces();
            QString field;
            if (i < last && t.at(i) == u'"') {
                ++i;
                bool ended = false;
                while (i < last && !ended) {
                    const QChar c = t.at(i++);
                    if (c == u'\\' && i < last)
                        field += t.at(i++);
                    else if (c == u'"')
                        ended = true;
                    else
                        field += c;
                }
                if (!ended)
                    return std::nullopt;
                skipSpaces();
            } else {
                while (i < last && t.at(i) != u',' && t.at(i) != u']')
                    field += t.at(i++);
                field = field.trimmed();
            }
            if (i >= last)
                return std::nullopt;
            fields << field;
            closed = t.at(i) == u']';
            ++i;
        }
        Interval v;
        if (fields.size() == 3) {
            const auto s = bound(fields.at(0)), e = bound(fields.at(1));
            if (!s || !e)
                return std::nullopt;
            v = Interval{*s, *e, fields.at(2)};
        } else if (fields.size() == 2) {
            const auto at = bound(fields.at(0));
            if (!at || at->isEmpty())
                return std::nullopt;
            v = Interval{*at, *at, fields.at(1)};
        } else {
            return std::nullopt;
        }
        out.append(v);
        skipSpaces();
        if (i == last)
            return out;
        if (t.at(i) != u';')
            return std::nullopt;
        ++i;
    }
}

Attribute plainValue(const QString& declaredType, const QString& text)
{
    std::optional<Attribute> a = declaredType.isEmpty()
                                     ? std::optional<Attribute>(guessedValue(text))
                                     : typedAttribute(declaredType, text);
    return a ? *a : Attribute{QString(), AttributeType::String, text};
}

} // namespace

QString timedCellText(const Attribute& a)
{
    if (!a.isTimed())
        return a.value;
    QStringList parts;
    if (!a.value.isEmpty())
        parts << QStringLiteral("[-Infinity, Infinity, %1]").arg(quoted(a.value));
    for (const AttributeSpell& s : a.spells)
        parts << QStringLiteral("[%1, %2, %3]")
                     .arg(boundText(s.start, true), boundText(s.end, false), quoted(s.value));
    return u'<' + parts.join(QStringLiteral("; ")) + u'>';
}

QString timedCellText(const Attributes& list, const QString& name)
{
    const Attribute* a = findAttribute(list, name);
    return a ? timedCellText(*a) : QString();
}

bool isTimedCell(const QString& text)
{
    return intervals(text).has_value();
}

Attribute attributeFromCell(const QString& declaredType, const QString& text)
{
    const std::optional<QList<Interval>> spans = intervals(text);
    if (!spans)
        return plainValue(declaredType, text);
    Attribute a;
    std::optional<AttributeType> type;
    bool fits = true;
    for (const Interval& v : *spans) {
        const Attribute typed = plainValue(declaredType, v.value);
        // The values of one attribute share a type; a column's declared type must fit each.
        if (!declaredType.isEmpty() && !typedAttribute(declaredType, v.value))
            fits = false;
        if (type && *type != typed.type)
            fits = false;
        type = typed.type;
        if (v.start.isEmpty() && v.end.isEmpty())
            a.value = typed.value;
        else
            a.spells.append(AttributeSpell{typed.value, v.start, v.end});
    }
    a.type = type.value_or(AttributeType::String);
    if (!fits) { // kept as written, all as text
        a.type = AttributeType::String;
        a.value.clear();
        a.spells.clear();
        for (const Interval& v : *spans) {
            if (v.start.isEmpty() && v.end.isEmpty())
                a.value = v.value;
            else
                a.spells.append(AttributeSpell{v.value, v.start, v.end});
        }
    }
    return a;
}

} // namespace chronomap
