#pragma once

#include "editcommand.h"

namespace chronomap {

class Store;

// An event's picture or video as TimelineJS stories carry it: the media's address, who to
// credit and the caption. The story keeps it as a source (address, credit as publisher) cited
// by the event with the TimelineJS media locator (the caption as the quote), so the TimelineJS
// writer gives it back.
struct EventMedia
{
    QString url, credit, caption;
    QString thumbnail; // a small picture for the slide's navigation (TimelineJS "thumbnail")
    QString alt;       // the picture's description for those who cannot see it
    bool isEmpty() const
    {
        return url.isEmpty() && credit.isEmpty() && caption.isEmpty() && thumbnail.isEmpty() &&
               alt.isEmpty();
    }
    bool operator==(const EventMedia&) const = default;
};

// The event's media (empty if it has none), and the citation that holds it (0: none).
EventMedia mediaOf(const Store& store, Id eventId, Id* citationId = nullptr);

// The edit that changes existing media (nullptr when nothing changes or there is none to
// change: new media is added with makeMediaSource and makeMediaCitation, in one undo macro).
// Empty media removes the citation; the source stays in the story's sources.
EditCommand* makeSetMedia(Story* story, Id eventId, const EventMedia& media);
// New media: first the source, then (with the source's id) the citation.
EditCommand* makeMediaSource(Story* story, const EventMedia& media);
EditCommand* makeMediaCitation(Story* story, Id eventId, Id sourceId, const EventMedia& media);

} // namespace chronomap
