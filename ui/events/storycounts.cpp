#include "storycounts.h"

#include "story/story.h"

#include <QCoreApplication>

namespace chronomap {

QString storyCountsText(const Story& story, const FilterSpec& spec)
{
    const StoryCounts c = story.store().counts();
    if (spec.isEmpty())
        return QCoreApplication::translate("chronomap::MainWindow",
                                           "%L1 events · %L2 actors · %L3 relations")
            .arg(c.events)
            .arg(c.actors)
            .arg(c.relations);
    // What the filters leave, out of the story's whole: the same predicate the charts, the
    // table and the exports obey.
    const EventFilter filter(story.store(), story.timeIndex(), spec);
    qint64 actors = 0, relations = 0;
    for (const Actor& a : story.store().actors())
        actors += filter.passes(a);
    for (const Relation& r : story.store().relations())
        relations += filter.passes(r);
    return QCoreApplication::translate(
               "chronomap::MainWindow",
               "%L1 of %L2 events · %L3 of %L4 actors · %L5 of %L6 relations")
        .arg(qint64(filter.countEvents(story.timeIndex())))
        .arg(c.events)
        .arg(actors)
        .arg(c.actors)
        .arg(relations)
        .arg(c.relations);
}

} // namespace chronomap
