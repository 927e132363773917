#pragma once

#include "model/entities.h"

#include <QList>
#include <QString>

namespace chronomap {

class Store;

// The rows of a story that Chronomap's own import would refuse, left out of an export so that
// every export can be imported back: events and eras whose date is not valid EDTF, references
// to rows that do not exist (a damaged or hand-edited file may have them), an actor listed
// twice in one event, notes whose thread loops or whose target was left out, and what points
// at a row that was left out. The rows that stay are handed to the writer; note() says what
// was left out, in one sentence.
class ExportScreen
{
public:
    explicit ExportScreen(const Store& store);

    QList<Category> categories;
    QList<Era> eras;
    QList<Actor> actors;
    QList<Source> sources;
    QList<Event> events;
    QList<Relation> relations;
    QList<Citation> citations;
    QList<Annotation> annotations;

    // Whether an event can be written: the importers need a valid date.
    static bool exportable(const Event& e) { return e.date.isValid(); }

    qint64 leftOut() const;
    // "3 events with invalid dates left out, 1 note left out" or empty.
    QString note() const;

private:
    qint64 m_badDates = 0, m_events = 0, m_eras = 0, m_relations = 0, m_citations = 0,
           m_annotations = 0;
};

} // namespace chronomap
