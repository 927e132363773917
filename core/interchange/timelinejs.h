#pragma once

#include "importbatch.h"

#include <QByteArray>
#include <QString>

namespace chronomap {

class Store;
struct CsvTable;

// TimelineJS (Knight Lab), both ways: its JSON (title, events, eras; start_date/end_date
// with year..millisecond and display_date; text.headline/text.text; media; group; unique_id)
// and its spreadsheet template (Year, Month, Day, Time, End Year, ..., Headline, Text, Media,
// Media Credit, Media Caption, Media Thumbnail, Alt Text, Type, Group, Background), also the
// older TimelineJS 2 sheets (Start Date, End Date, ..., Tag).
//
// Partial dates stay partial: a row with only Year and Month becomes "2025-10". Type "title"
// gives the story title, "era" an era, Group (or Tag) a category. Media travel as a source
// cited by the event (locator "timelinejs media ...") so that nothing of the slide is lost.

// Throws StoreError "file:line:column: what was expected" on any error.
ImportBatch readTimelineJsJson(const QByteArray& json, const QString& fileName);
ImportBatch readTimelineJsTable(const CsvTable& table, const QString& fileName);
// True when the header is TimelineJS's template (Year + Headline, or Start Date + Headline).
bool isTimelineJsTable(const CsvTable& table);

// Files TimelineJS accepts: JSON with the required "events" array; the spreadsheet template
// as UTF-8 CSV with a byte-order mark, formula-like cells neutralised.
QByteArray writeTimelineJsJson(const Store& store);
QByteArray writeTimelineJsCsv(const Store& store);

// The locator that marks a citation as a TimelineJS slide's media.
QString timelineJsMediaLocator();
// The story entry (Store::meta) that keeps the title slide's media and background, one
// "key: value" a line (url, caption, credit, thumbnail, alt, title, link, background,
// background-color).
QString timelineJsTitleMediaKey();

// TimelineJS shows headlines and texts as HTML; Chronomap keeps plain text. Text that carries
// markup beyond paragraphs and line breaks (links, emphasis, embeds) is kept as the HTML it is,
// both ways, so nothing is lost. Everything else travels as text: on export "<", ">" and "&"
// are escaped and new lines become <br>; on import <br> and paragraphs become new lines and
// character references are decoded. So import(export(text)) == text for any text.
// The writers pass this HTML, and every other field a browser reads, through the allow-list
// of htmlsanitizer.h: what is published keeps harmless formatting and nothing that runs. The
// readers decode references in display_date, group, caption, credit, alt and media title too.
QString timelineJsHtml(const QString& text);
QString textFromTimelineJsHtml(const QString& html);

} // namespace chronomap
