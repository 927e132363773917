#pragma once

#include <QWidget>

class QTextBrowser;

namespace chronomap {

class Selection;
class Story;

// Shows the current entry (Selection::current()) in full: the date as the story gives it,
// summary, actors, sources with quotes, annotations. (Placeholder: replaced by the inspector.)
class DetailsPanel final : public QWidget
{
    Q_OBJECT

public:
    DetailsPanel(Story* story, Selection* selection, QWidget* parent = nullptr);

private:
    void refresh();

    Story* m_story;
    Selection* m_selection;
    QTextBrowser* m_text;
};

} // namespace chronomap
