#pragma once

#include "edit/entityjson.h"
#include "edit/mediaedits.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace chronomap {

class DateField;
class Story;

// The form for one event, actor, relation or source: the inspector's Edit mode and the body
// of the New… dialogs. It edits a copy; entity() returns the edited copy for a command.
class EntryForm final : public QWidget
{
    Q_OBJECT

public:
    explicit EntryForm(Story* story, QWidget* parent = nullptr);

    void setEntity(const Entity& entity);
    Entity entity() const;
    // Empty when the form can be saved; otherwise what to fix, for the user.
    QString problem() const;

    // An event's media (picture or video: address, credit, caption), as the form has it.
    EventMedia media() const;
    bool mediaChanged() const;
    // Writes an event's media as the form left it: changed, added (one undo step) or removed.
    // False with `error` when the file refused it.
    static bool saveMedia(Story* story, Id eventId, const EventMedia& media, QString* error);

    // For tests and keyboard users: the first field (title or name).
    QLineEdit* titleEdit() const { return m_title; }
    DateField* dateField() const { return m_date; }

signals:
    void validityChanged();

private:
    void clearForm();
    QComboBox* actorCombo(Id current);
    QComboBox* statusCombo(Verification current);
    void addParticipant(Id actorId, const QString& role);

    Story* m_story;
    Entity m_entity;
    QFormLayout* m_layout = nullptr;
    QLineEdit* m_title = nullptr;
    DateField* m_date = nullptr;
    QPlainTextEdit* m_summary = nullptr;
    QPlainTextEdit* m_attributes = nullptr; // "name (type): value", one a line
    QLineEdit* m_location = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_tags = nullptr;
    QSpinBox* m_importance = nullptr;
    QComboBox* m_status = nullptr;
    QTableWidget* m_actors = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_role = nullptr;
    QComboBox* m_from = nullptr;
    QComboBox* m_to = nullptr;
    QCheckBox* m_directed = nullptr;
    QDoubleSpinBox* m_weight = nullptr;
    QLineEdit* m_publisher = nullptr;
    QLineEdit* m_url = nullptr;
    QLineEdit* m_sourceDate = nullptr;
    QLineEdit* m_mediaUrl = nullptr;
    QLineEdit* m_mediaCredit = nullptr;
    QLineEdit* m_mediaCaption = nullptr;
    QLineEdit* m_mediaThumbnail = nullptr;
    QLineEdit* m_mediaAlt = nullptr;
    QLineEdit* m_uid = nullptr;
    EventMedia m_media; // as stored when the form was filled
};

} // namespace chronomap
