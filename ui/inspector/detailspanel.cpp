#include "detailspanel.h"

#include "query/selection.h"
#include "story/story.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace chronomap {

DetailsPanel::DetailsPanel(Story* story, Selection* selection, QWidget* parent)
    : QWidget(parent), m_story(story), m_selection(selection), m_text(new QTextBrowser(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    m_text->setOpenExternalLinks(true);
    connect(selection, &Selection::currentChanged, this, &DetailsPanel::refresh);
    connect(story, &Story::changed, this, &DetailsPanel::refresh);
    refresh();
}

void DetailsPanel::refresh()
{
    const auto ref = m_selection->current();
    if (!ref || ref->kind != EntityKind::Event) {
        m_text->setHtml(tr("<p><i>Select an event to see its details.</i></p>"));
        return;
    }
    const auto e = m_story->store().event(ref->id);
    if (!e) {
        m_text->clear();
        return;
    }
    m_text->setHtml(QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
                        .arg(e->title.toHtmlEscaped(), e->date.describe().toHtmlEscaped(),
                             e->summary.toHtmlEscaped()));
}

} // namespace chronomap
