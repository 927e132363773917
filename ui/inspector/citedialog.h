#pragma once

#include "edit/entityjson.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace chronomap {

class Story;

// Cite a source for an entry: which source (or a new one, made on the spot as its own undo
// step), the sentence the entry rests on, and where in the source it is.
class CiteDialog final : public QDialog
{
    Q_OBJECT

public:
    CiteDialog(Story* story, QWidget* parent = nullptr);

    Id sourceId() const;
    QString quote() const;
    QString locator() const;

private:
    void reloadSources(Id select);
    void newSource();

    Story* m_story;
    QComboBox* m_source;
    QPlainTextEdit* m_quote;
    QLineEdit* m_locator;
};

// A dialog around an EntryForm for a new event, actor, relation or source. Pushes the insert
// command on accept; returns the new id, or 0 if cancelled or refused.
Id runNewEntryDialog(Story* story, const Entity& blank, const QString& title, QWidget* parent);

} // namespace chronomap
