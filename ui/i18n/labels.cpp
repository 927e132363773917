#include "labels.h"

#include <QCoreApplication>

namespace chronomap {

QString statusLabel(Verification status)
{
    return verificationLabel(status); // in core: the undo stack's texts use it too
}

QString actorKindLabel(ActorKind kind)
{
    switch (kind) {
    case ActorKind::Person:
        return QCoreApplication::translate("Labels", "person");
    case ActorKind::Organization:
        return QCoreApplication::translate("Labels", "organization");
    case ActorKind::State:
        return QCoreApplication::translate("Labels", "state");
    case ActorKind::Group:
        return QCoreApplication::translate("Labels", "group");
    }
    return actorKindName(kind);
}

QString changeActionLabel(const QString& action)
{
    static const std::pair<const char*, const char*> words[] = {
        {"insert", QT_TRANSLATE_NOOP("Labels", "Created")},
        {"update", QT_TRANSLATE_NOOP("Labels", "Changed")},
        {"delete", QT_TRANSLATE_NOOP("Labels", "Deleted")},
        {"status", QT_TRANSLATE_NOOP("Labels", "Status changed")},
        {"annotate", QT_TRANSLATE_NOOP("Labels", "Note added")},
        {"edit note", QT_TRANSLATE_NOOP("Labels", "Note changed")},
        {"delete note", QT_TRANSLATE_NOOP("Labels", "Note deleted")},
        {"cite", QT_TRANSLATE_NOOP("Labels", "Source cited")},
        {"update citation", QT_TRANSLATE_NOOP("Labels", "Citation changed")},
        {"remove citation", QT_TRANSLATE_NOOP("Labels", "Citation removed")},
        {"import", QT_TRANSLATE_NOOP("Labels", "Imported")},
    };
    for (const auto& [stored, shown] : words)
        if (action == QLatin1String(stored))
            return QCoreApplication::translate("Labels", shown);
    return action;
}

QString entityKindLabel(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Event:
        return QCoreApplication::translate("Labels", "event");
    case EntityKind::Actor:
        return QCoreApplication::translate("Labels", "actor");
    case EntityKind::Relation:
        return QCoreApplication::translate("Labels", "relation");
    case EntityKind::Source:
        return QCoreApplication::translate("Labels", "source");
    case EntityKind::Annotation:
        return QCoreApplication::translate("Labels", "note");
    case EntityKind::Scene:
        return QCoreApplication::translate("Labels", "scene");
    }
    return entityKindName(kind);
}

} // namespace chronomap
