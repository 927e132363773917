#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace chronomap {

// ---------------------------------------------------------------------------------------------
// Paths

// A JSON path such as events[3].actors[0].actor: keys, or indexes when `index` >= 0.
struct Step
{
    QString key;
    qsizetype index = -1;
};
using Path = QList<Step>;

inline Path operator/(Path path, const QString& key)
{
    path.append(Step{key, -1});
    return path;
}

inline Path operator/(Path path, qsizetype index)
{
    path.append(Step{QString(), index});
    return path;
}

inline QString pathText(const Path& path)
{
    QString out;
    for (const Step& s : path) {
        if (s.index >= 0)
            out += u'[' + QString::number(s.index) + u']';
        else
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + s.key;
    }
    return out.isEmpty() ? QCoreApplication::translate("chronomap::JsonPath", "the top level")
                         : out;
}

// Finds where a path's value starts in the raw bytes, so that a semantic error (a bad date,
// an unknown id) points at a line the user can open. Runs only after QJsonDocument accepted
// the bytes and only when there is an error, so it may assume well-formed JSON. Returns the
// offset of the deepest part of the path that exists (the object that lacks a field).
class RawLocator
{
public:
    explicit RawLocator(const QByteArray& bytes) : m_p(bytes.constData()), m_n(bytes.size()) {}

    qsizetype locate(const Path& path)
    {
        qsizetype pos = skipSpace(0);
        for (const Step& step : path) {
            if (pos >= m_n)
                return pos;
            if (step.index >= 0) {
                if (m_p[pos] != '[')
                    return pos;
                const qsizetype container = pos;
                pos = skipSpace(pos + 1);
                for (qsizetype i = 0; i < step.index; ++i) {
                    if (pos >= m_n || m_p[pos] == ']')
                        return container;
                    pos = skipSpace(skipValue(pos));
                    if (pos < m_n && m_p[pos] == ',')
                        pos = skipSpace(pos + 1);
                }
                if (pos >= m_n || m_p[pos] == ']')
                    return container;
            } else {
                if (m_p[pos] != '{')
                    return pos;
                const qsizetype container = pos;
                qsizetype found = -1;
                pos = skipSpace(pos + 1);
                while (pos < m_n && m_p[pos] == '"') {
                    const qsizetype keyEnd = skipString(pos);
                    const bool match = keyOf(pos, keyEnd) == step.key;
                    pos = skipSpace(keyEnd);
                    pos = skipSpace(pos + 1); // ':'
                    if (match)
                        found = pos; // the last duplicate wins, as in QJsonObject
                    pos = skipSpace(skipValue(pos));
                    if (pos < m_n && m_p[pos] == ',')
                        pos = skipSpace(pos + 1);
                }
                if (found < 0)
                    return container;
                pos = found;
            }
        }
        return pos;
    }

    // Where each element of the array at `path` starts, in one pass (locating each element by
    // itself would scan the array from its start every time: quadratic in its length). Empty
    // when the path is not an array.
    QList<qsizetype> elementStarts(const Path& path)
    {
        QList<qsizetype> starts;
        qsizetype pos = locate(path);
        if (pos >= m_n || m_p[pos] != '[')
            return starts;
        pos = skipSpace(pos + 1);
        while (pos < m_n && m_p[pos] != ']') {
            starts.append(pos);
            pos = skipSpace(skipValue(pos));
            if (pos < m_n && m_p[pos] == ',')
                pos = skipSpace(pos + 1);
            else
                break;
        }
        return starts;
    }

private:
    qsizetype skipSpace(qsizetype i) const
    {
        while (i < m_n && (m_p[i] == ' ' || m_p[i] == '\t' || m_p[i] == '\n' || m_p[i] == '\r'))
            ++i;
        return i;
    }
    // From an opening quote to just past the closing one.
    qsizetype skipString(qsizetype i) const
    {
        for (++i; i < m_n; ++i) {
            if (m_p[i] == '\\')
                ++i;
            else if (m_p[i] == '"')
                return i + 1;
        }
        return m_n;
    }
    qsizetype skipValue(qsizetype i) const
    {
        if (i >= m_n)
            return i;
        if (m_p[i] == '"')
            return skipString(i);
        if (m_p[i] == '{' || m_p[i] == '[') {
            int depth = 0;
            for (; i < m_n; ++i) {
                const char c = m_p[i];
                if (c == '"') {
                    i = skipString(i) - 1;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0)
                        return i + 1;
                }
            }
            return m_n;
        }
        while (i < m_n && m_p[i] != ',' && m_p[i] != '}' && m_p[i] != ']' && m_p[i] != ' ' &&
               m_p[i] != '\n' && m_p[i] != '\r' && m_p[i] != '\t')
            ++i;
        return i;
    }
    QString keyOf(qsizetype begin, qsizetype end) const
    {
        const QByteArray raw(m_p + begin, end - begin);
        if (!raw.contains('\\'))
            return QString::fromUtf8(raw.constData() + 1, raw.size() - 2);
        // Rare: let the JSON parser decode the escapes.
        return QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString();
    }

    const char* m_p;
    qsizetype m_n;
};

// What a JSON value is, in words for messages ("a string", "an array").
inline QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("chronomap::JsonPath", "true or false");
    case QJsonValue::Double:
        return QCoreApplication::translate("chronomap::JsonPath", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("chronomap::JsonPath", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("chronomap::JsonPath", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("chronomap::JsonPath", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("chronomap::JsonPath", "nothing");
}

} // namespace chronomap
