#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QLocale>
#include <QString>

#include <cmath>

namespace chronomap {

// A small streaming writer: keys in the order we write them (QJsonDocument would sort them),
// two-space indentation, raw UTF-8, and the same bytes for the same story every time.
class JsonWriter
{
public:
    QByteArray take() { return std::move(m_out); }

    void beginObject()
    {
        m_out += '{';
        m_first.append(true);
    }
    void endObject() { close('}'); }
    void beginArray()
    {
        m_out += '[';
        m_first.append(true);
    }
    void endArray() { close(']'); }

    // Starts the next member of the current object: separator, new line, indent, key.
    void key(const char* name) { key(QLatin1String(name)); }
    void key(const QString& name)
    {
        nextLine();
        appendString(name);
        m_out += ": ";
    }
    // Starts the next element of the current array.
    void element() { nextLine(); }
    // One member, key and value.
    template <typename T> void field(const char* name, const T& v)
    {
        key(name);
        value(v);
    }

    void value(const QString& s) { appendString(s); }
    void value(const char* s) { appendString(QLatin1String(s)); }
    void value(qint64 n) { m_out += QByteArray::number(n); }
    void value(int n) { m_out += QByteArray::number(n); }
    void value(bool b) { m_out += b ? "true" : "false"; }
    void value(double d)
    {
        // JSON has no NaN or infinity; the story never holds them (the UI and this reader
        // refuse them), but a file we write must always be one we can read.
        if (!std::isfinite(d))
            d = 0;
        m_out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    }
    void raw(const QByteArray& text) { m_out += text; }

    // Any JSON value, laid out like the rest (objects' keys come sorted from QJsonObject).
    void value(const QJsonValue& v)
    {
        switch (v.type()) {
        case QJsonValue::Object: {
            const QJsonObject o = v.toObject();
            beginObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                key(it.key());
                value(it.value());
            }
            endObject();
            break;
        }
        case QJsonValue::Array: {
            const QJsonArray a = v.toArray();
            beginArray();
            for (const QJsonValue& item : a) {
                element();
                value(item);
            }
            endArray();
            break;
        }
        case QJsonValue::String:
            value(v.toString());
            break;
        case QJsonValue::Bool:
            value(v.toBool());
            break;
        case QJsonValue::Double:
            if (const qint64 i = v.toInteger(); double(i) == v.toDouble())
                value(i);
            else
                value(v.toDouble());
            break;
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            m_out += "null";
            break;
        }
    }

    static QByteArray quoted(const QString& s)
    {
        QByteArray out;
        appendQuoted(out, s);
        return out;
    }

private:
    void nextLine()
    {
        if (!m_first.last())
            m_out += ',';
        m_first.last() = false;
        m_out += '\n';
        m_out.append(m_first.size() * 2, ' ');
    }
    void close(char bracket)
    {
        const bool empty = m_first.takeLast();
        if (!empty) {
            m_out += '\n';
            m_out.append(m_first.size() * 2, ' ');
        }
        m_out += bracket;
    }
    void appendString(const QString& s) { appendQuoted(m_out, s); }
    static void appendQuoted(QByteArray& out, const QString& s)
    {
        static const char hex[] = "0123456789abcdef";
        const QByteArray utf8 = s.toUtf8();
        out.reserve(out.size() + utf8.size() + 2);
        out += '"';
        for (const char c : utf8) {
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += "\\u00";
                    out += hex[(c >> 4) & 0xf];
                    out += hex[c & 0xf];
                } else {
                    out += c;
                }
            }
        }
        out += '"';
    }

    QByteArray m_out;
    QList<bool> m_first; // per open container: no member written yet
};

} // namespace chronomap
