<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CommandLine</name>
    <message>
        <source>%1: cannot write it: %2</source>
        <translation>%1: lässt sich nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>DatePhrase</name>
    <message>
        <source>&quot;%1&quot; is not a month, day or year</source>
        <translation>&quot;%1&quot; ist weder Monat noch Tag noch Jahr</translation>
    </message>
    <message>
        <source>no date in it</source>
        <translation>kein Datum darin</translation>
    </message>
    <message>
        <source>a day needs its month (&quot;24 October 2025&quot;)</source>
        <translation>ein Tag braucht seinen Monat (&quot;24 October 2025&quot;)</translation>
    </message>
    <message>
        <source>add a year, for example &quot;late October 2025&quot;</source>
        <translation>ein Jahr fehlt, zum Beispiel &quot;late October 2025&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already names a day</source>
        <translation>&quot;%1&quot; nennt schon einen Tag</translation>
    </message>
    <message>
        <source>say the month after the days (&quot;24–26 October 2025&quot;)</source>
        <translation>den Monat nach den Tagen nennen (&quot;24–26 October 2025&quot;)</translation>
    </message>
    <message>
        <source>the date is empty; type one, for example &quot;late October 2025&quot;</source>
        <translation>das Datum ist leer; zum Beispiel &quot;late October 2025&quot; eingeben</translation>
    </message>
    <message>
        <source>the date is longer than 100 characters</source>
        <translation>das Datum ist länger als 100 Zeichen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a single date after it</source>
        <translation>nach &quot;%1&quot; muss ein einzelnes Datum folgen</translation>
    </message>
    <message>
        <source>the end of a span must be one date</source>
        <translation>das Ende einer Spanne muss ein Datum sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; reads as %2, which is not a date: %3</source>
        <translation>&quot;%1&quot; ergibt %2, das ist kein Datum: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a day (1–31) nor a four-digit year</source>
        <translation>&quot;%1&quot; ist weder ein Tag (1–31) noch eine vierstellige Jahreszahl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be day/month or month/day; write it as 2025-10-24 or 24 October 2025</source>
        <translation>&quot;%1&quot; kann Tag/Monat oder Monat/Tag sein; 2025-10-24 oder 24 October 2025 schreiben</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Quellen: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>umstritten</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Staat</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>scene</source>
        <translation>Szene</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status geändert</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Notiz hinzugefügt</translation>
    </message>
    <message>
        <source>Note changed</source>
        <translation>Notiz geändert</translation>
    </message>
    <message>
        <source>Note deleted</source>
        <translation>Notiz gelöscht</translation>
    </message>
    <message>
        <source>Source cited</source>
        <translation>Quelle als Beleg angegeben</translation>
    </message>
    <message>
        <source>Citation changed</source>
        <translation>Beleg geändert</translation>
    </message>
    <message>
        <source>Citation removed</source>
        <translation>Beleg entfernt</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
</context>
<context>
    <name>LaneLayout</name>
    <message>
        <source>No category</source>
        <translation>Keine Kategorie</translation>
    </message>
    <message>
        <source>No actor</source>
        <translation>Kein Akteur</translation>
    </message>
    <message>
        <source>Lane %1</source>
        <translation>Spur %1</translation>
    </message>
</context>
<context>
    <name>LocalDates</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>ungefähr</translation>
    </message>
    <message>
        <source>year inferred</source>
        <translation>Jahr erschlossen</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>unsicher</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>PartialDate</name>
    <message>
        <source>a year needs four digits (&quot;2025&quot;, &quot;-0044&quot; for 45 BCE)</source>
        <translation>ein Jahr hat vier Ziffern (&quot;2025&quot;, &quot;-0044&quot; für 45 v. Chr.)</translation>
    </message>
    <message>
        <source>the year &quot;%1&quot; is not a year</source>
        <translation>&quot;%1&quot; ist kein Jahr</translation>
    </message>
    <message>
        <source>the month must be two digits, 01 to 12</source>
        <translation>der Monat hat zwei Ziffern, 01 bis 12</translation>
    </message>
    <message>
        <source>the month must be 01 to 12 (or a season, 21 to 24)</source>
        <translation>der Monat muss 01 bis 12 sein (oder eine Jahreszeit, 21 bis 24)</translation>
    </message>
    <message>
        <source>the day must be two digits, 01 to 31</source>
        <translation>der Tag hat zwei Ziffern, 01 bis 31</translation>
    </message>
    <message>
        <source>the day must be 01 to 31</source>
        <translation>der Tag muss 01 bis 31 sein</translation>
    </message>
    <message>
        <source>the time must read HH:MM or HH:MM:SS</source>
        <translation>die Uhrzeit lautet HH:MM oder HH:MM:SS</translation>
    </message>
    <message>
        <source>the seconds must be 00 to 59</source>
        <translation>die Sekunden müssen 00 bis 59 sein</translation>
    </message>
    <message>
        <source>the time zone must read +HH:MM</source>
        <translation>die Zeitzone lautet +HH:MM</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after the date</source>
        <translation>unerwartetes &quot;%1&quot; nach dem Datum</translation>
    </message>
    <message>
        <source>%1 has no day %2</source>
        <translation>%1 hat keinen Tag %2</translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation>es ist leer</translation>
    </message>
    <message>
        <source>it is longer than any date</source>
        <translation>es ist länger als jedes Datum</translation>
    </message>
    <message>
        <source>an interval has one &quot;/&quot;</source>
        <translation>ein Zeitraum hat ein &quot;/&quot;</translation>
    </message>
    <message>
        <source>an interval needs at least one end</source>
        <translation>ein Zeitraum braucht mindestens ein Ende</translation>
    </message>
    <message>
        <source>the interval ends before it starts</source>
        <translation>der Zeitraum endet, bevor er beginnt</translation>
    </message>
    <message>
        <source>it has no year</source>
        <translation>es hat kein Jahr</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date Chronomap understands: %2</source>
        <translation>&quot;%1&quot; ist kein Datum, das Chronomap versteht: %2</translation>
    </message>
    <message>
        <source>the year is beyond 20 billion years from now</source>
        <translation>das Jahr liegt mehr als 20 Milliarden Jahre in der Zukunft</translation>
    </message>
    <message>
        <source>the year is beyond a million years from now; write longer years as Y-13800000000</source>
        <translation>das Jahr liegt mehr als eine Million Jahre in der Zukunft; längere Jahre als Y-13800000000 schreiben</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No actors in this story</source>
        <translation>Keine Akteure in dieser Geschichte</translation>
    </message>
    <message>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Staat</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>umstritten</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>community</source>
        <translation>Gemeinschaft</translation>
    </message>
    <message>
        <source>directed relation</source>
        <translation>gerichtete Beziehung</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Actor map</source>
        <translation>Akteurskarte</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Quellen: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling; nothing will be changed…</source>
        <translation>Wird abgebrochen; nichts wird geändert…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>The file cannot be imported; nothing was changed.

%1</source>
        <translation>Die Datei lässt sich nicht importieren; nichts wurde geändert.

%1</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>The import failed; nothing was changed.

%1</source>
        <translation>Der Import ist fehlgeschlagen; nichts wurde geändert.

%1</translation>
    </message>
    <message>
        <source>Open a story you can edit first; imports are added to the open story.</source>
        <translation>Öffnen Sie zuerst eine Geschichte, die Sie bearbeiten dürfen; Importe werden der geöffneten Geschichte hinzugefügt.</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Add events and actors from TimelineJS, CSV, GEXF, GraphML or Chronomap JSON</source>
        <translation>Ereignisse und Akteure aus TimelineJS, CSV, GEXF, GraphML oder Chronomap JSON hinzufügen</translation>
    </message>
    <message>
        <source>Import into the story</source>
        <translation>In die Geschichte importieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Daten</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>not cleared</source>
        <translation>nicht freigegeben</translation>
    </message>
    <message>
        <source>Publish-safe: %1 not cleared for publication in this window left out.</source>
        <translation>Veröffentlichungssicher: %1 nicht zur Veröffentlichung freigegeben, in diesem Zeitfenster weggelassen.</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>relations</source>
        <translation>Beziehungen</translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>&amp;Grafik exportieren…</translation>
    </message>
    <message>
        <source>Cop&amp;y Chart</source>
        <translation>Grafik &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>%1: cannot write it: %2</source>
        <translation>%1: lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>Copy Chart</source>
        <translation>Grafik kopieren</translation>
    </message>
    <message>
        <source>Print Chart</source>
        <translation>Grafik drucken</translation>
    </message>
    <message>
        <source>%1: the import was cancelled; nothing was changed</source>
        <translation>%1: Der Import wurde abgebrochen; nichts wurde geändert</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>⚠ and hatching mark %1</source>
        <translation>⚠ und Schraffur markieren %1</translation>
    </message>
    <message>
        <source>⚠ marks %1</source>
        <translation>⚠ markiert %1</translation>
    </message>
    <message>
        <source>Publish-safe: %1 not cleared for publication.</source>
        <translation>Veröffentlichungssicher: %1 nicht zur Veröffentlichung freigegeben.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Timeline and actor map</source>
        <translation>Zeitleiste und Akteurskarte</translation>
    </message>
    <message>
        <source>Publish-safe: %1 not cleared for publication are drawn unmarked, too many to mark one by one; leave them out to publish.</source>
        <translation>Veröffentlichungssicher: %1 nicht zur Veröffentlichung freigegeben werden unmarkiert gezeichnet, zu viele, um sie einzeln zu markieren; zum Veröffentlichen weglassen.</translation>
    </message>
    <message>
        <source>Drawing %L1 actors…</source>
        <translation>%L1 Akteure werden gezeichnet …</translation>
    </message>
    <message>
        <source>“%1”, %2</source>
        <translation>„%1“, %2</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Export data (only what the filters show)</source>
        <translation>Daten exportieren (nur, was die Filter zeigen)</translation>
    </message>
</context>
<context>
    <name>WindowTheme</name>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Print (charts in greyscale)</source>
        <translation>Druck (Grafiken in Graustufen)</translation>
    </message>
    <message>
        <source>Broadcast (large type on charts)</source>
        <translation>Fernsehen (große Schrift in Grafiken)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>Wie das System</translation>
    </message>
</context>
<context>
    <name>chronomap</name>
    <message>
        <source>Chronomap story</source>
        <translation>Chronomap-Geschichte</translation>
    </message>
    <message>
        <source>%1: this is the open story %2 or a file SQLite keeps beside it; writing there would destroy the story. Choose another name</source>
        <translation>%1: das ist die geöffnete Geschichte %2 oder eine Datei, die SQLite daneben ablegt; dorthin zu schreiben würde die Geschichte zerstören. Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: SQLite keeps this file beside the database %2; writing there would damage it. Choose another name</source>
        <translation>%1: SQLite legt diese Datei neben der Datenbank %2 ab; dorthin zu schreiben würde sie beschädigen. Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: this is a folder; give a file name</source>
        <translation>%1: das ist ein Ordner; geben Sie einen Dateinamen an</translation>
    </message>
    <message>
        <source>%1: a symbolic link to nothing is in the way; remove it or choose another name</source>
        <translation>%1: ein ins Leere zeigender symbolischer Link steht im Weg; entfernen Sie ihn oder wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: not a regular file; choose another name</source>
        <translation>%1: keine reguläre Datei; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: a file of that name exists and is not a Chronomap story; it was left as it was. Choose another name</source>
        <translation>%1: eine Datei dieses Namens existiert und ist keine Chronomap-Geschichte; sie wurde unverändert gelassen. Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: this story is open in another window or program (%2 lies beside it); it was left as it was. Choose another name</source>
        <translation>%1: diese Geschichte ist in einem anderen Fenster oder Programm geöffnet (%2 liegt daneben); sie wurde unverändert gelassen. Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: a story or database of that name exists; an export never replaces one. Choose another name</source>
        <translation>%1: eine Geschichte oder Datenbank dieses Namens existiert; ein Export ersetzt nie eine solche. Wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: a file of that name exists and is not an earlier %2 export; it was left as it was. Choose another name, or give --force to replace it</source>
        <translation>%1: eine Datei dieses Namens existiert und ist kein früherer %2-Export; sie wurde unverändert gelassen. Wählen Sie einen anderen Namen oder geben Sie --force an, um sie zu ersetzen</translation>
    </message>
    <message>
        <source>%1: this is the story %2 itself; a story cannot be imported into itself</source>
        <translation>%1: das ist die Geschichte %2 selbst; eine Geschichte lässt sich nicht in sich selbst importieren</translation>
    </message>
    <message>
        <source>%1: %2 lies beside it, left by an earlier file of that name, and would be taken for part of the new story; remove it or choose another name</source>
        <translation>%1: %2 liegt daneben, übrig von einer früheren Datei dieses Namens, und würde für einen Teil der neuen Geschichte gehalten; entfernen Sie es oder wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: cannot create it: %2</source>
        <translation>%1: lässt sich nicht anlegen: %2</translation>
    </message>
    <message>
        <source>%1: cannot write it: %2</source>
        <translation>%1: lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2; an existing file of that name was left as it was</source>
        <translation>%1: die Datei lässt sich nicht schreiben: %2; eine vorhandene Datei dieses Namens wurde unverändert gelassen</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1: die Datei lässt sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>%1 was opened read-only.</source>
        <translation>%1 wurde schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Editing is off: %1 is a read-only file for you. Save a copy to edit it.</source>
        <translation>Bearbeiten ist aus: %1 ist für Sie eine schreibgeschützte Datei. Speichern Sie eine Kopie, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Editing is off: the folder %1 cannot be written, and a story needs to keep its journal beside it. Save a copy elsewhere to edit it.</source>
        <translation>Bearbeiten ist aus: in den Ordner %1 lässt sich nicht schreiben, und eine Geschichte muss ihr Journal daneben ablegen. Speichern Sie eine Kopie an anderer Stelle, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Editing is off: %1 is on a read-only disk or share. Save a copy elsewhere to edit it.</source>
        <translation>Bearbeiten ist aus: %1 liegt auf einem schreibgeschützten Datenträger oder einer schreibgeschützten Freigabe. Speichern Sie eine Kopie an anderer Stelle, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <source>Editing is off: the disk holding %1 is full. Free some space and open it again.</source>
        <translation>Bearbeiten ist aus: der Datenträger mit %1 ist voll. Geben Sie etwas Speicherplatz frei und öffnen Sie die Geschichte erneut.</translation>
    </message>
    <message>
        <source>Editing is off: %1 is damaged. Open a backup copy, or save a copy of what can still be read.</source>
        <translation>Bearbeiten ist aus: %1 ist beschädigt. Öffnen Sie eine Sicherungskopie oder speichern Sie eine Kopie dessen, was sich noch lesen lässt.</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>Eintrag</translation>
    </message>
</context>
<context>
    <name>chronomap::ActorGraph</name>
    <message>
        <source>actor map: layout cancelled</source>
        <translation>Akteurskarte: Anordnung abgebrochen</translation>
    </message>
    <message>
        <source>actor map: %1 failed: %2</source>
        <translation>Akteurskarte: %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>chronomap::ActorMapChart</name>
    <message>
        <source>Actor map</source>
        <translation>Akteurskarte</translation>
    </message>
    <message>
        <source>Loading cancelled. View › Lay Out Map Again starts it again.</source>
        <translation>Laden abgebrochen. Ansicht › Karte neu anordnen startet es erneut.</translation>
    </message>
    <message>
        <source>Layout cancelled. View › Lay Out Map Again starts it again.</source>
        <translation>Anordnung abgebrochen. Ansicht › Karte neu anordnen startet sie erneut.</translation>
    </message>
    <message>
        <source>Loading actors…</source>
        <translation>Akteure werden geladen…</translation>
    </message>
    <message>
        <source>No actors in this story</source>
        <translation>Keine Akteure in dieser Geschichte</translation>
    </message>
    <message numerus="yes">
        <source>Laying out %n actors…</source>
        <translation>
            <numerusform>%n Akteur wird angeordnet…</numerusform>
            <numerusform>%n Akteure werden angeordnet…</numerusform>
        </translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>Grad</translation>
    </message>
    <message>
        <source>Betweenness</source>
        <translation>Betweenness</translation>
    </message>
    <message>
        <source>PageRank</source>
        <translation>PageRank</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Gemeinschaft</translation>
    </message>
    <message numerus="yes">
        <source>other (%n values)</source>
        <translation>
            <numerusform>andere (%n Wert)</numerusform>
            <numerusform>andere (%n Werte)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::ActorMapView</name>
    <message>
        <source>%1 of %2 relations hold in this window</source>
        <translation>%1 von %2 Beziehungen gelten in diesem Zeitfenster</translation>
    </message>
    <message>
        <source>Degree %1 · betweenness %2%3 · PageRank %4</source>
        <translation>Grad %1 · Betweenness %2%3 · PageRank %4</translation>
    </message>
    <message>
        <source> (estimate)</source>
        <translation> (Schätzung)</translation>
    </message>
    <message>
        <source>Community %1</source>
        <translation>Gemeinschaft %1</translation>
    </message>
    <message>
        <source>Pinned (Unpin Actor releases it)</source>
        <translation>Angeheftet (Akteur lösen gibt ihn frei)</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Quellen:</translation>
    </message>
    <message>
        <source>No sources cited for this actor</source>
        <translation>Für diesen Akteur sind keine Quellen angegeben</translation>
    </message>
    <message>
        <source>Holds: %1 (%2)</source>
        <translation>Gilt: %1 (%2)</translation>
    </message>
    <message>
        <source>Undated: shown in every window</source>
        <translation>Undatiert: in jedem Zeitfenster gezeigt</translation>
    </message>
    <message>
        <source>Status: %1 · weight %2</source>
        <translation>Status: %1 · Gewicht %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Fit Actor Map</source>
        <translation>Akteurskarte einpassen</translation>
    </message>
    <message>
        <source>Ego View: 1 Step</source>
        <translation>Ego-Ansicht: 1 Schritt</translation>
    </message>
    <message>
        <source>Ego View: 2 Steps</source>
        <translation>Ego-Ansicht: 2 Schritte</translation>
    </message>
    <message>
        <source>Whole Map</source>
        <translation>Ganze Karte</translation>
    </message>
    <message>
        <source>Show Only This Actor&apos;s Events</source>
        <translation>Nur die Ereignisse dieses Akteurs zeigen</translation>
    </message>
    <message>
        <source>Clear Actor Filter</source>
        <translation>Akteursfilter aufheben</translation>
    </message>
    <message>
        <source>Unpin Actor</source>
        <translation>Akteur lösen</translation>
    </message>
    <message>
        <source>Lay Out Map Again</source>
        <translation>Karte neu anordnen</translation>
    </message>
    <message>
        <source>Cancel Map Layout</source>
        <translation>Kartenanordnung abbrechen</translation>
    </message>
    <message>
        <source>No sources cited for this relation</source>
        <translation>Für diese Beziehung sind keine Quellen angegeben</translation>
    </message>
    <message>
        <source>Size Actors By</source>
        <translation>Akteursgröße nach</translation>
    </message>
    <message>
        <source>Colour Actors By</source>
        <translation>Akteursfarbe nach</translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…und %1 weitere</translation>
    </message>
</context>
<context>
    <name>chronomap::AnnotationListModel</name>
    <message>
        <source>Event: %1</source>
        <translation>Ereignis: %1</translation>
    </message>
    <message>
        <source>Actor: %1</source>
        <translation>Akteur: %1</translation>
    </message>
    <message>
        <source>Relation: %1 %2 %3</source>
        <translation>Beziehung: %1 %2 %3</translation>
    </message>
    <message>
        <source>↳ %1</source>
        <translation>↳ %1</translation>
    </message>
    <message>
        <source>%1 (resolved)</source>
        <translation>%1 (erledigt)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>Wann (UTC)</translation>
    </message>
</context>
<context>
    <name>chronomap::AnnotationsPanel</name>
    <message>
        <source>Show resolved notes</source>
        <translation>Erledigte Notizen zeigen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>chronomap::AttributesDialog</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Ganze Zahl</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>a whole number, such as 3</source>
        <translation>eine ganze Zahl, etwa 3</translation>
    </message>
    <message>
        <source>a number, such as 0.25</source>
        <translation>eine Zahl, etwa 0.25</translation>
    </message>
    <message>
        <source>a date, such as 2025-10 or 2025-10-24</source>
        <translation>ein Datum, etwa 2025-10 oder 2025-10-24</translation>
    </message>
    <message>
        <source>items separated by |</source>
        <translation>Einträge durch | getrennt</translation>
    </message>
    <message>
        <source>Row %1 has a value but no name.</source>
        <translation>Zeile %1 hat einen Wert, aber keinen Namen.</translation>
    </message>
    <message>
        <source>“%1” is named twice.</source>
        <translation>„%1“ ist zweimal benannt.</translation>
    </message>
    <message>
        <source>“%1” is not a %2: “%3”.</source>
        <translation>„%1“ ist nicht vom Typ %2: „%3“.</translation>
    </message>
</context>
<context>
    <name>chronomap::ChronomapJsonReader</name>
    <message>
        <source>expected %1, found %2</source>
        <translation>erwartet: %1, gefunden: %2</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>das Feld &quot;%1&quot; fehlt</translation>
    </message>
    <message>
        <source>an array, [...]</source>
        <translation>ein Array, [...]</translation>
    </message>
    <message>
        <source>an object, {...}</source>
        <translation>ein Objekt, {...}</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>erwartet: eine ganze Zahl, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a number from %1 to %2, found %3</source>
        <translation>erwartet: eine Zahl von %1 bis %2, gefunden: %3</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>expected an EDTF date such as &quot;2025-10&quot;, found an empty string</source>
        <translation>erwartet: ein EDTF-Datum wie &quot;2025-10&quot;, gefunden: eine leere Zeichenkette</translation>
    </message>
    <message>
        <source>expected an EDTF date such as &quot;2025-10&quot; or &quot;2025?-10-21/2025?-10-31&quot;: %1</source>
        <translation>erwartet: ein EDTF-Datum wie &quot;2025-10&quot; oder &quot;2025?-10-21/2025?-10-31&quot;: %1</translation>
    </message>
    <message>
        <source>expected a colour such as &quot;#0072b2&quot;, found &quot;%1&quot;</source>
        <translation>erwartet: eine Farbe wie &quot;#0072b2&quot;, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>eines von %1</translation>
    </message>
    <message>
        <source>expected one of %1, found &quot;%2&quot;</source>
        <translation>erwartet: eines von %1, gefunden: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the id %1 is used twice</source>
        <translation>die ID %1 kommt zweimal vor</translation>
    </message>
    <message>
        <source>expected the id of one of the file&apos;s %1, found %2, which is not among them</source>
        <translation>erwartet: die ID eines der Einträge in %1 der Datei, gefunden: %2, die dort nicht vorkommt</translation>
    </message>
    <message>
        <source>expected exactly one of &quot;event&quot;, &quot;actor&quot; or &quot;relation&quot;, found %1</source>
        <translation>erwartet: genau eines von &quot;event&quot;, &quot;actor&quot; oder &quot;relation&quot;, gefunden: %1</translation>
    </message>
    <message>
        <source>the field &quot;format&quot; is missing: expected &quot;format&quot;: &quot;chronomap&quot; (is this a Chronomap JSON file?)</source>
        <translation>das Feld &quot;format&quot; fehlt: erwartet wird &quot;format&quot;: &quot;chronomap&quot; (ist das eine Chronomap-JSON-Datei?)</translation>
    </message>
    <message>
        <source>expected &quot;chronomap&quot;, found %1 (is this a Chronomap JSON file?)</source>
        <translation>erwartet: &quot;chronomap&quot;, gefunden: %1 (ist das eine Chronomap-JSON-Datei?)</translation>
    </message>
    <message>
        <source>this file was written by a newer Chronomap (format version %1; this program reads version %2); update Chronomap to import it</source>
        <translation>diese Datei stammt von einem neueren Chronomap (Formatversion %1; dieses Programm liest Version %2); Chronomap aktualisieren, um sie zu importieren</translation>
    </message>
    <message>
        <source>the category &quot;%1&quot; is defined twice</source>
        <translation>die Kategorie &quot;%1&quot; ist zweimal definiert</translation>
    </message>
    <message>
        <source>&quot;person&quot;, &quot;organization&quot;, &quot;state&quot; or &quot;group&quot;</source>
        <translation>&quot;person&quot;, &quot;organization&quot;, &quot;state&quot; oder &quot;group&quot;</translation>
    </message>
    <message>
        <source>expected two numbers, [x, y]</source>
        <translation>erwartet: zwei Zahlen, [x, y]</translation>
    </message>
    <message>
        <source>&quot;draft&quot;, &quot;confirmed&quot;, &quot;disputed&quot; or &quot;cleared&quot;</source>
        <translation>&quot;draft&quot;, &quot;confirmed&quot;, &quot;disputed&quot; oder &quot;cleared&quot;</translation>
    </message>
    <message>
        <source>the actor %1 is listed twice in this event; give one entry with both roles</source>
        <translation>der Akteur %1 steht zweimal in diesem Ereignis; einen Eintrag mit beiden Rollen angeben</translation>
    </message>
    <message>
        <source>expected the id of one of the file&apos;s annotations, found %1, which is not among them</source>
        <translation>erwartet: die ID einer Notiz der Datei, gefunden: %1, die dort nicht vorkommt</translation>
    </message>
    <message>
        <source>the replies form a loop; a thread must start with a note that has no parent</source>
        <translation>die Antworten bilden einen Kreis; ein Gesprächsfaden muss mit einer Notiz ohne übergeordnete Notiz beginnen</translation>
    </message>
    <message>
        <source>&quot;event&quot;, &quot;actor&quot;, &quot;relation&quot;, &quot;source&quot; or &quot;annotation&quot;</source>
        <translation>&quot;event&quot;, &quot;actor&quot;, &quot;relation&quot;, &quot;source&quot; oder &quot;annotation&quot;</translation>
    </message>
    <message>
        <source>expected an object, {&quot;format&quot;: &quot;chronomap&quot;, ...}, at the top of the file</source>
        <translation>erwartet: ein Objekt, {&quot;format&quot;: &quot;chronomap&quot;, ...}, am Anfang der Datei</translation>
    </message>
    <message>
        <source>%1: the import was cancelled; nothing was changed</source>
        <translation>%1: der Import wurde abgebrochen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>expected {&quot;name&quot;: {&quot;type&quot;: &quot;integer&quot;, &quot;value&quot;: &quot;3&quot;}, ...} with the types string, integer, double, boolean, date or list</source>
        <translation>erwartet: {&quot;name&quot;: {&quot;type&quot;: &quot;integer&quot;, &quot;value&quot;: &quot;3&quot;}, ...} mit den Typen string, integer, double, boolean, date oder list</translation>
    </message>
</context>
<context>
    <name>chronomap::CiteDialog</name>
    <message>
        <source>Cite a Source</source>
        <translation>Quelle zitieren</translation>
    </message>
    <message>
        <source>New Source…</source>
        <translation>Neue Quelle…</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <source>The sentence this entry rests on, quoted exactly</source>
        <translation>Der Satz, auf dem dieser Eintrag beruht, wörtlich zitiert</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Zitat</translation>
    </message>
    <message>
        <source>paragraph, page or timestamp</source>
        <translation>Absatz, Seite oder Zeitmarke</translation>
    </message>
    <message>
        <source>&amp;Where</source>
        <translation>&amp;Fundstelle</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>New Source</source>
        <translation>Neue Quelle</translation>
    </message>
</context>
<context>
    <name>chronomap::CsvReader</name>
    <message>
        <source>%1: the file is larger than %2 MiB, the most Chronomap reads as CSV</source>
        <translation>%1: die Datei ist größer als %2 MiB, das Höchste, was Chronomap als CSV liest</translation>
    </message>
    <message>
        <source>expected UTF-8 text, found UTF-16 (a byte-order mark %1); save the file as &quot;CSV UTF-8&quot; in your spreadsheet program</source>
        <translation>erwartet: UTF-8-Text, gefunden: UTF-16 (eine Byte-Order-Mark %1); die Datei in der Tabellenkalkulation als &quot;CSV UTF-8&quot; speichern</translation>
    </message>
    <message>
        <source>expected UTF-8 text, found the byte 0x%1; save the file as &quot;CSV UTF-8&quot; in your spreadsheet program</source>
        <translation>erwartet: UTF-8-Text, gefunden: das Byte 0x%1; die Datei in der Tabellenkalkulation als &quot;CSV UTF-8&quot; speichern</translation>
    </message>
    <message>
        <source>more than %1 columns in one row</source>
        <translation>mehr als %1 Spalten in einer Zeile</translation>
    </message>
    <message>
        <source>more than %1 rows; split the file</source>
        <translation>mehr als %1 Zeilen; die Datei aufteilen</translation>
    </message>
    <message>
        <source>expected a closing quote (&quot;) for the quoted field that starts here; the file ends inside it</source>
        <translation>erwartet: ein schließendes Anführungszeichen (&quot;) für das Feld in Anführungszeichen, das hier beginnt; die Datei endet darin</translation>
    </message>
    <message>
        <source>a field longer than %1 KiB; Chronomap refuses longer fields</source>
        <translation>ein Feld länger als %1 KiB; Chronomap lehnt längere Felder ab</translation>
    </message>
    <message>
        <source>expected &quot;%1&quot; or the end of the line after a closing quote; a quote inside a quoted field is written twice (&quot;&quot;)</source>
        <translation>erwartet: &quot;%1&quot; oder das Zeilenende nach einem schließenden Anführungszeichen; ein Anführungszeichen in einem Feld in Anführungszeichen wird doppelt geschrieben (&quot;&quot;)</translation>
    </message>
    <message>
        <source>a row longer than %1 MiB</source>
        <translation>eine Zeile länger als %1 MiB</translation>
    </message>
    <message>
        <source>%1: the file is empty; expected a header line naming the columns</source>
        <translation>%1: die Datei ist leer; erwartet: eine Kopfzeile mit den Spaltennamen</translation>
    </message>
    <message>
        <source>%1: reading this file would take about %2 MiB of memory (%3 cells), more than the %4 MiB Chronomap allows itself for one file; split it into smaller files and import them one after another</source>
        <translation>%1: diese Datei zu lesen bräuchte etwa %2 MiB Arbeitsspeicher (%3 Zellen), mehr als die %4 MiB, die sich Chronomap für eine Datei erlaubt; teilen Sie sie in kleinere Dateien auf und importieren Sie diese nacheinander</translation>
    </message>
</context>
<context>
    <name>chronomap::DateField</name>
    <message>
        <source>late October 2025, Aug 2025, 2025-10-24/26, c. 2019…</source>
        <translation>late October 2025, Aug 2025, 2025-10-24/26, c. 2019…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>How the date was understood</source>
        <translation>Wie das Datum verstanden wurde</translation>
    </message>
    <message>
        <source>&lt;i&gt;No date: always&lt;/i&gt;</source>
        <translation>&lt;i&gt;Kein Datum: immer&lt;/i&gt;</translation>
    </message>
    <message>
        <source>As stored: &lt;b&gt;%1&lt;/b&gt; — EDTF &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>Gespeichert: &lt;b&gt;%1&lt;/b&gt; — EDTF &lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Understood as &lt;b&gt;%1&lt;/b&gt; — EDTF &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>Verstanden als &lt;b&gt;%1&lt;/b&gt; — EDTF &lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Type a date, for example “late October 2025” or “2025-10-24”&lt;/i&gt;</source>
        <translation>&lt;i&gt;Datum eingeben, zum Beispiel „late October 2025“ oder „2025-10-24“&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>chronomap::DetailsPanel</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation>&amp;Notiz…</translation>
    </message>
    <message>
        <source>C&amp;ite…</source>
        <translation>&amp;Beleg…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Verification status</source>
        <translation>Prüfstatus</translation>
    </message>
    <message>
        <source>How far this entry has been checked</source>
        <translation>Wie weit dieser Eintrag geprüft ist</translation>
    </message>
    <message>
        <source>Add a note for the other editors</source>
        <translation>Eine Notiz für die anderen Redakteure hinzufügen</translation>
    </message>
    <message>
        <source>Cite a source with the sentence this entry rests on</source>
        <translation>Eine Quelle mit dem Satz angeben, auf dem dieser Eintrag beruht</translation>
    </message>
    <message>
        <source>Details of the current entry</source>
        <translation>Details des aktuellen Eintrags</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Write a Correction Note…</source>
        <translation>Korrekturnotiz schreiben…</translation>
    </message>
    <message>
        <source>Add a note on this entry explaining a correction</source>
        <translation>Eine Notiz zu diesem Eintrag hinzufügen, die eine Korrektur erklärt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Pick an event on the timeline or in the table, or an actor on the map, to see its details here.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Ein Ereignis in der Zeitleiste oder der Tabelle oder einen Akteur auf der Karte wählen, um hier seine Details zu sehen.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>actor %1</source>
        <translation>Akteur %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2 &lt;small&gt;(EDTF %3)&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — %2 &lt;small&gt;(EDTF %3)&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; &lt;small&gt;(EDTF %2)&lt;/small&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; &lt;small&gt;(EDTF %2)&lt;/small&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Status: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Kategorie: %1</translation>
    </message>
    <message>
        <source>Where: %1</source>
        <translation>Ort: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <source>Importance: %1/5</source>
        <translation>Bedeutung: %1/5</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Actors&lt;/h4&gt;&lt;ul&gt;</source>
        <translation>&lt;h4&gt;Akteure&lt;/h4&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Events (%1)&lt;/h4&gt;&lt;ul&gt;</source>
        <translation>&lt;h4&gt;Ereignisse (%1)&lt;/h4&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Relations&lt;/h4&gt;&lt;ul&gt;%1&lt;/ul&gt;</source>
        <translation>&lt;h4&gt;Beziehungen&lt;/h4&gt;&lt;ul&gt;%1&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Status: &lt;b&gt;%1&lt;/b&gt; · %2 · weight %3 · valid %4&lt;/p&gt;</source>
        <translation>&lt;p&gt;Status: &lt;b&gt;%1&lt;/b&gt; · %2 · Gewicht %3 · gültig %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>directed</source>
        <translation>gerichtet</translation>
    </message>
    <message>
        <source>mutual</source>
        <translation>gegenseitig</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cited %1 times.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1-mal als Beleg angegeben.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Sources&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Quellen&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>(missing source)</source>
        <translation>(fehlende Quelle)</translation>
    </message>
    <message>
        <source>remove citation</source>
        <translation>Beleg entfernen</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Notes&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Notizen&lt;/h4&gt;</translation>
    </message>
    <message>
        <source> · resolved</source>
        <translation> · erledigt</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>antworten</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>wieder öffnen</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>erledigen</translation>
    </message>
    <message>
        <source>Before: %1
After: %2</source>
        <translation>Vorher: %1
Nachher: %2</translation>
    </message>
    <message>
        <source>No changes recorded since the story was made.</source>
        <translation>Seit dem Anlegen der Geschichte wurden keine Änderungen erfasst.</translation>
    </message>
    <message>
        <source>Change history of the current entry</source>
        <translation>Änderungsverlauf des aktuellen Eintrags</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Attributes&lt;/h4&gt;&lt;table&gt;%1&lt;/table&gt;</source>
        <translation>&lt;h4&gt;Attribute&lt;/h4&gt;&lt;table&gt;%1&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Attri&amp;butes…</source>
        <translation>Attri&amp;bute…</translation>
    </message>
    <message>
        <source>Edit the typed attributes a file brought, or add your own</source>
        <translation>Die typisierten Attribute aus einer Datei bearbeiten oder eigene hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Reload Entry</source>
        <translation>Eintrag &amp;neu laden</translation>
    </message>
    <message>
        <source>Show the entry as it is stored now, with the other change</source>
        <translation>Den Eintrag so zeigen, wie er jetzt gespeichert ist, mit der anderen Änderung</translation>
    </message>
    <message>
        <source>%1 &lt;small&gt;(%2 – %3)&lt;/small&gt;</source>
        <translation>%1 &lt;small&gt;(%2 – %3)&lt;/small&gt;</translation>
    </message>
    <message>
        <source>This entry was deleted by someone else since you began editing; your change was not saved.</source>
        <translation>Dieser Eintrag wurde von jemand anderem gelöscht, seit Sie mit der Bearbeitung begonnen haben; Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>This entry was changed by %1 since you began editing; your change was not saved. Reload Entry shows theirs (replacing what you typed here).</source>
        <translation>Dieser Eintrag wurde von %1 geändert, seit Sie mit der Bearbeitung begonnen haben; Ihre Änderung wurde nicht gespeichert. „Eintrag neu laden“ zeigt die andere Fassung (und ersetzt, was Sie hier eingegeben haben).</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>jemand anderem</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;The details cannot be read now: %1&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Die Details können gerade nicht gelesen werden: %1&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>chronomap::EdgesCsvReader</name>
    <message>
        <source>%1:%2:%3: column &quot;%4&quot;: %5</source>
        <translation>%1:%2:%3: Spalte &quot;%4&quot;: %5</translation>
    </message>
    <message>
        <source>%1:1:1: the columns &quot;source&quot; and &quot;target&quot; are required; expected a header such as source,target,type,start,end,weight</source>
        <translation>%1:1:1: die Spalten &quot;source&quot; und &quot;target&quot; sind Pflicht; erwartet: eine Kopfzeile wie source,target,type,start,end,weight</translation>
    </message>
    <message>
        <source>expected an actor&apos;s name, found an empty cell</source>
        <translation>erwartet: der Name eines Akteurs, gefunden: eine leere Zelle</translation>
    </message>
    <message>
        <source>expected an EDTF date such as 2025-10 or 2025-10-24: %1</source>
        <translation>erwartet: ein EDTF-Datum wie 2025-10 oder 2025-10-24: %1</translation>
    </message>
    <message>
        <source>expected a number, found &quot;%1&quot;</source>
        <translation>erwartet: eine Zahl, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected true or false, found &quot;%1&quot;</source>
        <translation>erwartet: true oder false, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected draft, confirmed, disputed or cleared, found &quot;%1&quot;</source>
        <translation>erwartet: draft, confirmed, disputed oder cleared, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected an interval such as [2016-02-03, 2016-02-04], found &quot;%1&quot;</source>
        <translation>erwartet: ein Zeitraum wie [2016-02-03, 2016-02-04], gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a number; timed weights such as &quot;%1&quot; are not read (a relation has one weight)</source>
        <translation>erwartet: eine Zahl; zeitabhängige Gewichte wie &quot;%1&quot; werden nicht gelesen (eine Beziehung hat ein Gewicht)</translation>
    </message>
</context>
<context>
    <name>chronomap::Edits</name>
    <message>
        <source>Cannot redo “%1”: %2 was changed since, in this or another window. Nothing was changed; look at it again and edit it by hand.</source>
        <translation>„%1“ lässt sich nicht wiederholen: %2 wurde inzwischen geändert, in diesem oder einem anderen Fenster. Nichts wurde geändert; bitte noch einmal ansehen und von Hand bearbeiten.</translation>
    </message>
    <message>
        <source>Cannot undo “%1”: %2 was changed since, in this or another window. Nothing was changed; look at it again and edit it by hand.</source>
        <translation>„%1“ lässt sich nicht rückgängig machen: %2 wurde inzwischen geändert, in diesem oder einem anderen Fenster. Nichts wurde geändert; bitte noch einmal ansehen und von Hand bearbeiten.</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>citation</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>New Event “%1”</source>
        <translation>Neues Ereignis „%1“</translation>
    </message>
    <message>
        <source>New Actor “%1”</source>
        <translation>Neuer Akteur „%1“</translation>
    </message>
    <message>
        <source>New Relation “%1”</source>
        <translation>Neue Beziehung „%1“</translation>
    </message>
    <message>
        <source>New Source “%1”</source>
        <translation>Neue Quelle „%1“</translation>
    </message>
    <message>
        <source>New Citation “%1”</source>
        <translation>Neuer Beleg „%1“</translation>
    </message>
    <message>
        <source>New Note “%1”</source>
        <translation>Neue Notiz „%1“</translation>
    </message>
    <message>
        <source>New Scene “%1”</source>
        <translation>Neue Szene „%1“</translation>
    </message>
    <message>
        <source>Edit Event “%1”</source>
        <translation>Ereignis „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit Actor “%1”</source>
        <translation>Akteur „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit Relation “%1”</source>
        <translation>Beziehung „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit Source “%1”</source>
        <translation>Quelle „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit Citation “%1”</source>
        <translation>Beleg „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit Note “%1”</source>
        <translation>Notiz „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Edit Scene “%1”</source>
        <translation>Szene „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Delete event “%1”</source>
        <translation>Ereignis „%1“ löschen</translation>
    </message>
    <message>
        <source>Delete actor “%1”</source>
        <translation>Akteur „%1“ löschen</translation>
    </message>
    <message>
        <source>Delete relation “%1”</source>
        <translation>Beziehung „%1“ löschen</translation>
    </message>
    <message>
        <source>Delete source “%1”</source>
        <translation>Quelle „%1“ löschen</translation>
    </message>
    <message>
        <source>Delete citation “%1”</source>
        <translation>Beleg „%1“ löschen</translation>
    </message>
    <message>
        <source>Delete note “%1”</source>
        <translation>Notiz „%1“ löschen</translation>
    </message>
    <message>
        <source>Delete scene “%1”</source>
        <translation>Szene „%1“ löschen</translation>
    </message>
    <message>
        <source>Remove citation</source>
        <translation>Beleg entfernen</translation>
    </message>
    <message>
        <source>Mark “%1” %2</source>
        <translation>„%1“ als %2 markieren</translation>
    </message>
    <message>
        <source>Mark %1 entries %2</source>
        <translation>%1 Einträge als %2 markieren</translation>
    </message>
    <message>
        <source>Reply to a note</source>
        <translation>Auf eine Notiz antworten</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Resolve a note</source>
        <translation>Notiz erledigen</translation>
    </message>
    <message>
        <source>Reopen a note</source>
        <translation>Notiz wieder öffnen</translation>
    </message>
    <message>
        <source>Cite “%1”</source>
        <translation>„%1“ als Beleg angeben</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>event “%1”</source>
        <translation>das Ereignis „%1“</translation>
    </message>
    <message>
        <source>actor “%1”</source>
        <translation>der Akteur „%1“</translation>
    </message>
    <message>
        <source>relation “%1”</source>
        <translation>die Beziehung „%1“</translation>
    </message>
    <message>
        <source>source “%1”</source>
        <translation>die Quelle „%1“</translation>
    </message>
    <message>
        <source>citation %1</source>
        <translation>der Beleg %1</translation>
    </message>
    <message>
        <source>note by %1</source>
        <translation>die Notiz von %1</translation>
    </message>
    <message>
        <source>scene “%1”</source>
        <translation>die Szene „%1“</translation>
    </message>
    <message>
        <source>New scene “%1”</source>
        <translation>Neue Szene „%1“</translation>
    </message>
    <message>
        <source>Move scene “%1”</source>
        <translation>Szene „%1“ verschieben</translation>
    </message>
    <message>
        <source>Rename scene “%1”</source>
        <translation>Szene „%1“ umbenennen</translation>
    </message>
    <message>
        <source>Edit caption of “%1”</source>
        <translation>Bildunterschrift von „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Update scene “%1”</source>
        <translation>Szene „%1“ aktualisieren</translation>
    </message>
    <message>
        <source>Pin actor “%1”</source>
        <translation>Akteur „%1“ anheften</translation>
    </message>
    <message>
        <source>Unpin actor “%1”</source>
        <translation>Akteur „%1“ lösen</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Medien</translation>
    </message>
    <message>
        <source>Edit media of “%1”</source>
        <translation>Medien von „%1“ bearbeiten</translation>
    </message>
    <message>
        <source>Add media to “%1”</source>
        <translation>Medien zu „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Last changed by %1.</source>
        <translation>Zuletzt geändert von %1.</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Cannot redo “%1”: %2 was changed since, in this or another window. Nothing was changed.</source>
        <translation>„%1“ lässt sich nicht wiederherstellen: %2 wurde inzwischen geändert, in diesem oder einem anderen Fenster. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cannot undo “%1”: %2 was changed since, in this or another window. Nothing was changed.</source>
        <translation>„%1“ lässt sich nicht rückgängig machen: %2 wurde inzwischen geändert, in diesem oder einem anderen Fenster. Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>an entry it added</source>
        <translation>ein Eintrag, den es hinzugefügt hat</translation>
    </message>
</context>
<context>
    <name>chronomap::EntryForm</name>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>Schlag&amp;wörter</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Importance</source>
        <translation>&amp;Bedeutung</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Actors and their roles</source>
        <translation>Akteure und ihre Rollen</translation>
    </message>
    <message>
        <source>Add actor</source>
        <translation>Akteur hinzufügen</translation>
    </message>
    <message>
        <source>Remove actor</source>
        <translation>Akteur entfernen</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Akteure</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Typ</translation>
    </message>
    <message>
        <source>negotiates with, sanctions, advises…</source>
        <translation>verhandelt mit, sanktioniert, berät…</translation>
    </message>
    <message>
        <source>T&amp;o</source>
        <translation>&amp;Zu</translation>
    </message>
    <message>
        <source>Directed (from → to)</source>
        <translation>Gerichtet (von → zu)</translation>
    </message>
    <message>
        <source>&amp;Valid</source>
        <translation>&amp;Gültig</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>Ge&amp;wicht</translation>
    </message>
    <message>
        <source>&amp;Publisher</source>
        <translation>&amp;Herausgeber</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <source>Published (&amp;EDTF)</source>
        <translation>Veröffentlicht (&amp;EDTF)</translation>
    </message>
    <message>
        <source>Te&amp;xt or excerpt</source>
        <translation>Te&amp;xt oder Auszug</translation>
    </message>
    <message>
        <source>Nothing to edit.</source>
        <translation>Nichts zu bearbeiten.</translation>
    </message>
    <message>
        <source>Give the actor a name.</source>
        <translation>Geben Sie dem Akteur einen Namen.</translation>
    </message>
    <message>
        <source>Say what the relation is.</source>
        <translation>Geben Sie an, welche Beziehung es ist.</translation>
    </message>
    <message>
        <source>Give it a title.</source>
        <translation>Geben Sie einen Titel ein.</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>Pick both actors of the relation.</source>
        <translation>Wählen Sie beide Akteure der Beziehung.</translation>
    </message>
    <message>
        <source>The link is not a web address (it should start with https://).</source>
        <translation>Der Link ist keine Webadresse (er sollte mit https:// beginnen).</translation>
    </message>
    <message>
        <source>The publication date is not EDTF (for example 2025-11-20).</source>
        <translation>Das Veröffentlichungsdatum ist kein EDTF (zum Beispiel 2025-11-20).</translation>
    </message>
    <message>
        <source>&amp;Attributes</source>
        <translation>&amp;Attribute</translation>
    </message>
    <message>
        <source>name (integer): 3, one a line</source>
        <translation>Name (integer): 3, eines je Zeile</translation>
    </message>
    <message>
        <source>Type to find an actor</source>
        <translation>Tippen, um einen Akteur zu finden</translation>
    </message>
    <message>
        <source>&amp;Media link</source>
        <translation>&amp;Medienlink</translation>
    </message>
    <message>
        <source>Media cr&amp;edit</source>
        <translation>Medien-&amp;Credit</translation>
    </message>
    <message>
        <source>Media ca&amp;ption</source>
        <translation>Medien-Bildunter&amp;schrift</translation>
    </message>
    <message>
        <source>Add media to “%1”</source>
        <translation>Medien zu „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>The media link is not a web address (it should start with https://).</source>
        <translation>Der Medienlink ist keine Webadresse (er sollte mit https:// beginnen).</translation>
    </message>
    <message>
        <source>Media t&amp;humbnail</source>
        <translation>Medien-&amp;Vorschaubild</translation>
    </message>
    <message>
        <source>Media alt te&amp;xt</source>
        <translation>Medien-Alternativte&amp;xt</translation>
    </message>
    <message>
        <source>what the picture shows, for those who cannot see it</source>
        <translation>was das Bild zeigt, für alle, die es nicht sehen können</translation>
    </message>
    <message>
        <source>U&amp;nique id</source>
        <translation>Eindeutige &amp;ID</translation>
    </message>
</context>
<context>
    <name>chronomap::EventTableModel</name>
    <message>
        <source>%1
EDTF: %2</source>
        <translation>%1
EDTF: %2</translation>
    </message>
    <message>
        <source>actor %1</source>
        <translation>Akteur %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Akteure</translation>
    </message>
</context>
<context>
    <name>chronomap::EventsCsvReader</name>
    <message>
        <source>%1:%2:%3: column &quot;%4&quot;: %5</source>
        <translation>%1:%2:%3: Spalte &quot;%4&quot;: %5</translation>
    </message>
    <message>
        <source>%1:1:1: no column gives the event&apos;s title; expected a column named &quot;title&quot; or &quot;headline&quot; (or choose one in the import dialog)</source>
        <translation>%1:1:1: keine Spalte enthält den Titel des Ereignisses; erwartet: eine Spalte namens &quot;title&quot; oder &quot;headline&quot; (oder eine im Importdialog wählen)</translation>
    </message>
    <message>
        <source>%1:1:1: no column gives the event&apos;s date; expected a column named &quot;date&quot; or &quot;start&quot; (or choose one in the import dialog)</source>
        <translation>%1:1:1: keine Spalte enthält das Datum des Ereignisses; erwartet: eine Spalte namens &quot;date&quot; oder &quot;start&quot; (oder eine im Importdialog wählen)</translation>
    </message>
    <message>
        <source>expected a date such as 2025-10-24, found an empty cell</source>
        <translation>erwartet: ein Datum wie 2025-10-24, gefunden: eine leere Zelle</translation>
    </message>
    <message>
        <source>expected a date such as 2025-10-24, 2025-10 or 2025-10-21/2025-10-31, found &quot;%1&quot;: %2</source>
        <translation>erwartet: ein Datum wie 2025-10-24, 2025-10 oder 2025-10-21/2025-10-31, gefunden: &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>the end &quot;%1&quot; does not close the range that starts at &quot;%2&quot;: %3</source>
        <translation>das Ende &quot;%1&quot; schließt den Zeitraum nicht ab, der bei &quot;%2&quot; beginnt: %3</translation>
    </message>
    <message>
        <source>expected a whole number from 0 to 5, found &quot;%1&quot;</source>
        <translation>erwartet: eine ganze Zahl von 0 bis 5, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected draft, confirmed, disputed or cleared, found &quot;%1&quot;</source>
        <translation>erwartet: draft, confirmed, disputed oder cleared, gefunden: &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>chronomap::EventsPlottable</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weiteres</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::ExportDialog</name>
    <message>
        <source>1920 × 1080 (Full HD)</source>
        <translation>1920 × 1080 (Full HD)</translation>
    </message>
    <message>
        <source>3840 × 2160 (4K)</source>
        <translation>3840 × 2160 (4K)</translation>
    </message>
    <message>
        <source>1080 × 1920 (portrait, social)</source>
        <translation>1080 × 1920 (Hochformat, Social Media)</translation>
    </message>
    <message>
        <source>1200 × 675 (social card)</source>
        <translation>1200 × 675 (Social-Media-Karte)</translation>
    </message>
    <message>
        <source>A4 landscape (842 × 595 pt)</source>
        <translation>A4 quer (842 × 595 pt)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>Grafik exportieren</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Actor map</source>
        <translation>Akteurskarte</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>&amp;Grafik:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>Grö&amp;ße:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>type × </source>
        <translation>Schrift × </translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Larger type and lines, same canvas</source>
        <translation>Größere Schrift und Linien, gleiche Fläche</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Print (greyscale-safe)</source>
        <translation>Druck (graustufentauglich)</translation>
    </message>
    <message>
        <source>Broadcast (large type)</source>
        <translation>Fernsehen (große Schrift)</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Headline over the chart</source>
        <translation>Überschrift über der Grafik</translation>
    </message>
    <message>
        <source>Chart: name / newsroom</source>
        <translation>Grafik: Name / Redaktion</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itel:</translation>
    </message>
    <message>
        <source>S&amp;ubtitle:</source>
        <translation>&amp;Unterzeile:</translation>
    </message>
    <message>
        <source>Ca&amp;ption:</source>
        <translation>Bild&amp;unterschrift:</translation>
    </message>
    <message>
        <source>Cre&amp;dit:</source>
        <translation>&amp;Credit:</translation>
    </message>
    <message>
        <source>&amp;Sources line from the citations of what is shown</source>
        <translation>&amp;Quellenzeile aus den Belegen des Gezeigten</translation>
    </message>
    <message>
        <source>&amp;Legend</source>
        <translation>&amp;Legende</translation>
    </message>
    <message>
        <source>Mark entries not cleared for publication (⚠, hatched)</source>
        <translation>Nicht zur Veröffentlichung freigegebene Einträge markieren (⚠, schraffiert)</translation>
    </message>
    <message>
        <source>Leave out entries not cleared for publication</source>
        <translation>Nicht zur Veröffentlichung freigegebene Einträge weglassen</translation>
    </message>
    <message>
        <source>Off: show every entry as it is</source>
        <translation>Aus: jeden Eintrag so zeigen, wie er ist</translation>
    </message>
    <message>
        <source>P&amp;ublish-safe:</source>
        <translation>&amp;Veröffentlichungssicher:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>Speichern &amp;unter:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
    <message>
        <source>Choose where to save the chart.</source>
        <translation>Wählen Sie, wo die Grafik gespeichert werden soll.</translation>
    </message>
</context>
<context>
    <name>chronomap::ExportScreen</name>
    <message>
        <source>%1 left out (Chronomap could not import them back; chronomap info lists the broken rows)</source>
        <translation>%1 weggelassen (Chronomap könnte sie nicht zurückimportieren; chronomap info listet die fehlerhaften Zeilen)</translation>
    </message>
</context>
<context>
    <name>chronomap::FileFormat</name>
    <message>
        <source>Chronomap JSON</source>
        <translation>Chronomap JSON</translation>
    </message>
    <message>
        <source>Relations (CSV edge list)</source>
        <translation>Beziehungen (CSV-Kantenliste)</translation>
    </message>
    <message>
        <source>Events (CSV)</source>
        <translation>Ereignisse (CSV)</translation>
    </message>
    <message>
        <source>Importable files (%1)</source>
        <translation>Importierbare Dateien (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>GEXF (Gephi)</source>
        <translation>GEXF (Gephi)</translation>
    </message>
    <message>
        <source>GraphML (yEd, Cytoscape, igraph)</source>
        <translation>GraphML (yEd, Cytoscape, igraph)</translation>
    </message>
    <message>
        <source>Actors (CSV node table)</source>
        <translation>Akteure (CSV-Knotentabelle)</translation>
    </message>
    <message>
        <source>TimelineJS JSON</source>
        <translation>TimelineJS JSON</translation>
    </message>
    <message>
        <source>TimelineJS spreadsheet (CSV)</source>
        <translation>TimelineJS-Tabelle (CSV)</translation>
    </message>
</context>
<context>
    <name>chronomap::FilterBar</name>
    <message>
        <source>&lt;i&gt;No filters: showing everything&lt;/i&gt;</source>
        <translation>&lt;i&gt;Keine Filter: alles wird gezeigt&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter entfernen</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Filter by %1</source>
        <translation>Nach %1 filtern</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Zeitraum…</translation>
    </message>
    <message>
        <source>Filter by dates</source>
        <translation>Nach Zeitraum filtern</translation>
    </message>
    <message>
        <source>Show only a date window, e.g. “Aug 2025 to Nov 2025”</source>
        <translation>Nur ein Zeitfenster zeigen, z. B. „Aug 2025 to Nov 2025“</translation>
    </message>
    <message>
        <source>Remove this filter</source>
        <translation>Diesen Filter entfernen</translation>
    </message>
    <message>
        <source>Filter %1, remove</source>
        <translation>Filter %1, entfernen</translation>
    </message>
    <message>
        <source>Actor: %1</source>
        <translation>Akteur: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Kategorie: %1</translation>
    </message>
    <message>
        <source>Tag: %1</source>
        <translation>Schlagwort: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Dates: %1 – %2</source>
        <translation>Zeitraum: %1 – %2</translation>
    </message>
    <message>
        <source>(the story has no categories)</source>
        <translation>(die Geschichte hat keine Kategorien)</translation>
    </message>
    <message>
        <source>(too many events to list their tags)</source>
        <translation>(zu viele Ereignisse, um ihre Schlagwörter aufzulisten)</translation>
    </message>
    <message>
        <source>(no tags yet)</source>
        <translation>(noch keine Schlagwörter)</translation>
    </message>
    <message>
        <source>Date Window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <source>Show only what happened in (e.g. “Aug 2025 to Nov 2025”, “late October 2025”, “2025”):</source>
        <translation>Nur zeigen, was geschah in (z. B. „Aug 2025 to Nov 2025“, „late October 2025“, „2025“):</translation>
    </message>
    <message>
        <source>Search: %1</source>
        <translation>Suche: %1</translation>
    </message>
    <message>
        <source>Type to find an actor…</source>
        <translation>Tippen, um einen Akteur zu finden…</translation>
    </message>
    <message>
        <source>Find an actor</source>
        <translation>Akteur finden</translation>
    </message>
    <message>
        <source>… %L1 more: type more of the name</source>
        <translation>… %L1 weitere: mehr vom Namen eingeben</translation>
    </message>
    <message>
        <source>(no actor matches)</source>
        <translation>(kein Akteur passt)</translation>
    </message>
</context>
<context>
    <name>chronomap::Generator</name>
    <message>
        <source>generate: counts must not be negative</source>
        <translation>generate: Anzahlen dürfen nicht negativ sein</translation>
    </message>
    <message>
        <source>generate: at most 50,000,000 events and 5,000,000 actors</source>
        <translation>generate: höchstens 50.000.000 Ereignisse und 5.000.000 Akteure</translation>
    </message>
    <message>
        <source>generate: cancelled; nothing was written</source>
        <translation>generate: abgebrochen; nichts wurde geschrieben</translation>
    </message>
</context>
<context>
    <name>chronomap::GexfReader</name>
    <message>
        <source>expected a &lt;gexf&gt; document (is this a GEXF file?)</source>
        <translation>erwartet: ein &lt;gexf&gt;-Dokument (ist das eine GEXF-Datei?)</translation>
    </message>
    <message>
        <source>expected an id on &lt;node&gt;</source>
        <translation>erwartet: eine id an &lt;node&gt;</translation>
    </message>
    <message>
        <source>expected viz:color r, g and b from 0 to 255</source>
        <translation>erwartet: viz:color r, g und b von 0 bis 255</translation>
    </message>
    <message>
        <source>expected numbers for viz:position x and y</source>
        <translation>erwartet: Zahlen für viz:position x und y</translation>
    </message>
    <message>
        <source>the node id &quot;%1&quot; is used twice</source>
        <translation>die Knoten-ID &quot;%1&quot; kommt zweimal vor</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot;: expected the %2 to be the id of a node declared before, found &quot;%3&quot;</source>
        <translation>Kante &quot;%1&quot;: erwartet für %2: die ID eines zuvor deklarierten Knotens, gefunden: &quot;%3&quot;</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot;: expected a number for weight, found &quot;%2&quot;</source>
        <translation>Kante &quot;%1&quot;: erwartet: eine Zahl für weight, gefunden: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot;: expected an EDTF date in &quot;date&quot;: %2</source>
        <translation>Kante &quot;%1&quot;: erwartet: ein EDTF-Datum in &quot;date&quot;: %2</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot;: expected ISO dates in the spell: %2</source>
        <translation>Kante &quot;%1&quot;: erwartet: ISO-Daten im spell: %2</translation>
    </message>
    <message>
        <source>more than %1 attributes declared for nodes or for edges</source>
        <translation>mehr als %1 Attribute für Knoten oder Kanten deklariert</translation>
    </message>
    <message>
        <source>the graph&apos;s times are abstract steps (timeformat integer or double), not dates: kept as the &quot;spells&quot; attribute, not drawn on the timeline</source>
        <translation>die Zeiten des Graphen sind abstrakte Schritte (timeformat integer oder double), keine Daten: als Attribut &quot;spells&quot; behalten, nicht auf der Zeitleiste gezeichnet</translation>
    </message>
    <message>
        <source>expected viz:color hex as #rrggbb, found &quot;%1&quot;</source>
        <translation>erwartet: viz:color hexadezimal als #rrggbb, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>node &quot;%1&quot;: expected ISO dates in the spell: %2</source>
        <translation>Knoten &quot;%1&quot;: erwartet: ISO-Daten im spell: %2</translation>
    </message>
    <message>
        <source>node &quot;%1&quot;: the attribute &quot;valid&quot; is kept as &quot;valid (file)&quot;; an actor&apos;s validity comes from its spells</source>
        <translation>Knoten &quot;%1&quot;: das Attribut &quot;valid&quot; wird als &quot;valid (file)&quot; behalten; die Gültigkeit eines Akteurs kommt aus seinen spells</translation>
    </message>
    <message>
        <source>expected intervals as &lt;[start, end]; [start, end]&gt;, found &quot;%1&quot;</source>
        <translation>erwartet: intervals als &lt;[Anfang, Ende]; [Anfang, Ende]&gt;, gefunden: &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>chronomap::GraphFormats</name>
    <message>
        <source>&quot;%1&quot; is not a date</source>
        <translation>&quot;%1&quot; ist kein Datum</translation>
    </message>
</context>
<context>
    <name>chronomap::GraphMlReader</name>
    <message>
        <source>expected a &lt;graphml&gt; document (is this a GraphML file?)</source>
        <translation>erwartet: ein &lt;graphml&gt;-Dokument (ist das eine GraphML-Datei?)</translation>
    </message>
    <message>
        <source>expected an id on &lt;node&gt;</source>
        <translation>erwartet: eine id an &lt;node&gt;</translation>
    </message>
    <message>
        <source>the node id &quot;%1&quot; is used twice</source>
        <translation>die Knoten-ID &quot;%1&quot; kommt zweimal vor</translation>
    </message>
    <message>
        <source>expected the key of a &lt;data&gt; to be declared by a &lt;key&gt;, found &quot;%1&quot;</source>
        <translation>erwartet: der key eines &lt;data&gt; ist durch ein &lt;key&gt; deklariert, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a number for &quot;%1&quot;, found &quot;%2&quot;</source>
        <translation>erwartet: eine Zahl für &quot;%1&quot;, gefunden: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot;: expected an EDTF date in &quot;date&quot;: %2</source>
        <translation>Kante &quot;%1&quot;: erwartet: ein EDTF-Datum in &quot;date&quot;: %2</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot;: expected ISO dates in start and end: %2</source>
        <translation>Kante &quot;%1&quot;: erwartet: ISO-Daten in start und end: %2</translation>
    </message>
    <message>
        <source>edge &quot;%1&quot;: expected the %2 to be the id of a node in the file, found &quot;%3&quot;</source>
        <translation>Kante &quot;%1&quot;: erwartet für %2: die ID eines Knotens der Datei, gefunden: &quot;%3&quot;</translation>
    </message>
    <message>
        <source>more than %1 keys declared</source>
        <translation>mehr als %1 Schlüssel deklariert</translation>
    </message>
    <message numerus="yes">
        <source>%n hyperedge(s) not imported: a relation joins two actors; the file&apos;s plain edges were imported</source>
        <translation>
            <numerusform>%n Hyperkante nicht importiert: eine Beziehung verbindet zwei Akteure; die einfachen Kanten der Datei wurden importiert</numerusform>
            <numerusform>%n Hyperkanten nicht importiert: eine Beziehung verbindet zwei Akteure; die einfachen Kanten der Datei wurden importiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chronomap::GuardedXml</name>
    <message>
        <source>%1: the file is larger than 256 MiB (%2 bytes), the most Chronomap reads as XML</source>
        <translation>%1: die Datei ist größer als 256 MiB (%2 Bytes), das Höchste, was Chronomap als XML liest</translation>
    </message>
    <message>
        <source>the file declares XML entities in a DTD; Chronomap refuses them (they can expand without limit); remove the &lt;!DOCTYPE ...&gt; block</source>
        <translation>die Datei deklariert XML-Entitäten in einer DTD; Chronomap lehnt sie ab (sie können sich grenzenlos ausdehnen); den Block &lt;!DOCTYPE ...&gt; entfernen</translation>
    </message>
    <message>
        <source>an entity reference (&amp;%1;) that is not one of XML&apos;s own; Chronomap does not expand entities</source>
        <translation>ein Entitätsverweis (&amp;%1;), der nicht zu XML selbst gehört; Chronomap löst keine Entitäten auf</translation>
    </message>
    <message>
        <source>elements nested deeper than %1 levels</source>
        <translation>Elemente tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <source>more than %1 elements</source>
        <translation>mehr als %1 Elemente</translation>
    </message>
    <message>
        <source>an attribute longer than 1 MiB</source>
        <translation>ein Attribut länger als 1 MiB</translation>
    </message>
    <message>
        <source>the file ends before the document is closed (is it cut short?)</source>
        <translation>die Datei endet, bevor das Dokument geschlossen ist (ist sie abgeschnitten?)</translation>
    </message>
    <message>
        <source>expected well-formed XML: %1</source>
        <translation>erwartet: wohlgeformtes XML: %1</translation>
    </message>
    <message>
        <source>a text longer than 1 MiB</source>
        <translation>ein Text länger als 1 MiB</translation>
    </message>
    <message>
        <source>an element with more than %1 attributes; Chronomap refuses more</source>
        <translation>ein Element mit mehr als %1 Attributen; Chronomap lehnt mehr ab</translation>
    </message>
    <message>
        <source>the declared default values, copied into every node and edge that gives none, come to more than %1 MiB; Chronomap refuses more</source>
        <translation>die deklarierten Standardwerte, in jeden Knoten und jede Kante kopiert, die keine angeben, ergeben mehr als %1 MiB; Chronomap lehnt mehr ab</translation>
    </message>
</context>
<context>
    <name>chronomap::ImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Columns: which column gives each field</source>
        <translation>Spalten: welche Spalte welches Feld liefert</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(nicht importiert)</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source> (required)</source>
        <translation> (erforderlich)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Read as %2. Nothing is written until you choose Import; an import that fails changes nothing.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Gelesen als %2. Nichts wird geschrieben, bevor Sie Importieren wählen; ein fehlgeschlagener Import ändert nichts.</translation>
    </message>
    <message>
        <source>Will create or merge: %1.</source>
        <translation>Wird angelegt oder zusammengeführt: %1.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Beziehung</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Zu</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <source>always</source>
        <translation>immer</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reads as</source>
        <translation>Gelesen als</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Akteure</translation>
    </message>
    <message>
        <source>Preview of what will be imported</source>
        <translation>Vorschau dessen, was importiert wird</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Spalte für %1</translation>
    </message>
</context>
<context>
    <name>chronomap::ImportSummary</name>
    <message>
        <source>%1: the import was cancelled; nothing was changed</source>
        <translation>%1: der Import wurde abgebrochen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>%1 event</source>
        <translation>%1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>%1 new actor</source>
        <translation>%1 neuer Akteur</translation>
    </message>
    <message>
        <source>%1 new actors</source>
        <translation>%1 neue Akteure</translation>
    </message>
    <message>
        <source>%1 actor matched by name</source>
        <translation>%1 Akteur über den Namen zugeordnet</translation>
    </message>
    <message>
        <source>%1 actors matched by name</source>
        <translation>%1 Akteure über den Namen zugeordnet</translation>
    </message>
    <message>
        <source>%1 relation</source>
        <translation>%1 Beziehung</translation>
    </message>
    <message>
        <source>%1 relations</source>
        <translation>%1 Beziehungen</translation>
    </message>
    <message>
        <source>%1 new category</source>
        <translation>%1 neue Kategorie</translation>
    </message>
    <message>
        <source>%1 new categories</source>
        <translation>%1 neue Kategorien</translation>
    </message>
    <message>
        <source>%1 era</source>
        <translation>%1 Epoche</translation>
    </message>
    <message>
        <source>%1 eras</source>
        <translation>%1 Epochen</translation>
    </message>
    <message>
        <source>the story title</source>
        <translation>der Titel der Geschichte</translation>
    </message>
    <message>
        <source>the story keeps its title “%1” (the file&apos;s is “%2”)</source>
        <translation>die Geschichte behält ihren Titel „%1“ (der der Datei lautet „%2“)</translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation>%1 aktualisiert</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 unverändert</translation>
    </message>
    <message>
        <source>%1 no longer in the file (kept)</source>
        <translation>%1 nicht mehr in der Datei (behalten)</translation>
    </message>
    <message>
        <source>conflict: %1</source>
        <translation>Konflikt: %1</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1: changed in the story since the last import and in the file; the story&apos;s version was kept</source>
        <translation>%1: seit dem letzten Import in der Geschichte und in der Datei geändert; die Fassung der Geschichte wurde behalten</translation>
    </message>
    <message>
        <source>actor &quot;%1&quot;</source>
        <translation>Akteur &quot;%1&quot;</translation>
    </message>
    <message>
        <source>relation &quot;%1&quot;</source>
        <translation>Beziehung &quot;%1&quot;</translation>
    </message>
    <message>
        <source>event &quot;%1&quot;</source>
        <translation>Ereignis &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>chronomap::Interchange</name>
    <message>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: die Datei lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1: the file is %2 MiB; Chronomap imports files up to %3 MiB</source>
        <translation>%1: die Datei hat %2 MiB; Chronomap importiert Dateien bis %3 MiB</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: die Datei lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1: unknown format &quot;%2&quot;; expected one of %3</source>
        <translation>%1: unbekanntes Format &quot;%2&quot;; erwartet: eines von %3</translation>
    </message>
    <message>
        <source>%1: unknown export format &quot;%2&quot;; expected one of %3</source>
        <translation>%1: unbekanntes Exportformat &quot;%2&quot;; erwartet: eines von %3</translation>
    </message>
    <message>
        <source>%1: expected UTF-8 text, found %2 without a byte-order mark; save the file as UTF-8 (&quot;CSV UTF-8&quot; in a spreadsheet program)</source>
        <translation>%1: erwartet: UTF-8-Text, gefunden: %2 ohne Byte-Order-Mark; speichern Sie die Datei als UTF-8 (&quot;CSV UTF-8&quot; in einer Tabellenkalkulation)</translation>
    </message>
    <message>
        <source>%1: cannot tell the format from the name or the content; give --format %2</source>
        <translation>%1: das Format lässt sich weder am Namen noch am Inhalt erkennen; geben Sie --format %2 an</translation>
    </message>
    <message>
        <source>%1: not written: Chronomap could not import this export back (%2)</source>
        <translation>%1: nicht geschrieben: Chronomap könnte diesen Export nicht zurückimportieren (%2)</translation>
    </message>
    <message>
        <source>cannot make a temporary folder for the filtered export: %1</source>
        <translation>für den gefilterten Export lässt sich kein temporärer Ordner anlegen: %1</translation>
    </message>
</context>
<context>
    <name>chronomap::JsonGuard</name>
    <message>
        <source>%1: the file is larger than 256 MiB (%2 bytes), the most Chronomap reads</source>
        <translation>%1: die Datei ist größer als 256 MiB (%2 Bytes), das Höchste, was Chronomap liest</translation>
    </message>
    <message>
        <source>a string longer than 1 MiB; Chronomap refuses longer strings</source>
        <translation>eine Zeichenkette länger als 1 MiB; Chronomap lehnt längere ab</translation>
    </message>
    <message>
        <source>the document is nested deeper than %1 levels; a Chronomap story needs at most a few</source>
        <translation>das Dokument ist tiefer als %1 Ebenen verschachtelt; eine Chronomap-Geschichte braucht höchstens ein paar</translation>
    </message>
    <message>
        <source>an array with more than %1 entries</source>
        <translation>ein Array mit mehr als %1 Einträgen</translation>
    </message>
    <message>
        <source>expected &quot;,&quot; or &quot;}&quot; (an object is not closed; is the file cut short?)</source>
        <translation>erwartet: &quot;,&quot; oder &quot;}&quot; (ein Objekt ist nicht geschlossen; ist die Datei abgeschnitten?)</translation>
    </message>
    <message>
        <source>expected &quot;:&quot; after a key</source>
        <translation>erwartet: &quot;:&quot; nach einem Schlüssel</translation>
    </message>
    <message>
        <source>expected &quot;,&quot; or &quot;]&quot; (an array is not closed; is the file cut short?)</source>
        <translation>erwartet: &quot;,&quot; oder &quot;]&quot; (ein Array ist nicht geschlossen; ist die Datei abgeschnitten?)</translation>
    </message>
    <message>
        <source>expected &quot;,&quot; between two values</source>
        <translation>erwartet: &quot;,&quot; zwischen zwei Werten</translation>
    </message>
    <message>
        <source>expected a value: a &quot;string&quot;, a number, {object}, [array], true, false or null</source>
        <translation>erwartet: ein Wert: ein &quot;string&quot;, eine Zahl, {object}, [array], true, false oder null</translation>
    </message>
    <message>
        <source>expected more after a number (the file ends inside it)</source>
        <translation>erwartet: mehr nach einer Zahl (die Datei endet darin)</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>erwartet: eine Zahl</translation>
    </message>
    <message>
        <source>expected an escape such as \n, \&quot; or \u00e9 after \</source>
        <translation>erwartet: eine Escape-Sequenz wie \n, \&quot; oder \u00e9 nach \</translation>
    </message>
    <message>
        <source>expected UTF-8 text</source>
        <translation>erwartet: UTF-8-Text</translation>
    </message>
    <message>
        <source>expected the closing quote of a string</source>
        <translation>erwartet: das schließende Anführungszeichen einer Zeichenkette</translation>
    </message>
    <message>
        <source>expected an object, {...}</source>
        <translation>erwartet: ein Objekt, {...}</translation>
    </message>
    <message>
        <source>the document is nested too deeply</source>
        <translation>das Dokument ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>the document is too large</source>
        <translation>das Dokument ist zu groß</translation>
    </message>
    <message>
        <source>expected the end of the file after the story&apos;s closing &quot;}&quot;</source>
        <translation>erwartet: das Dateiende nach der schließenden &quot;}&quot; der Geschichte</translation>
    </message>
    <message>
        <source>not valid JSON</source>
        <translation>kein gültiges JSON</translation>
    </message>
</context>
<context>
    <name>chronomap::JsonPath</name>
    <message>
        <source>the top level</source>
        <translation>die oberste Ebene</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>chronomap::MainWindow</name>
    <message>
        <source>Chronomap</source>
        <translation>Chronomap</translation>
    </message>
    <message>
        <source>%1 — Chronomap (read-only: damaged)</source>
        <translation>%1 — Chronomap (schreibgeschützt: beschädigt)</translation>
    </message>
    <message>
        <source>%1 — Chronomap%2</source>
        <translation>%1 — Chronomap%2</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%L1 events · %L2 actors · %L3 relations</source>
        <translation>%L1 Ereignisse · %L2 Akteure · %L3 Beziehungen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Search Results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>Edit History</source>
        <translation>Bearbeitungsverlauf</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Chart of the story&apos;s events on a date axis. The events table (Ctrl+3) lists the same events as text.</source>
        <translation>Grafik der Ereignisse der Geschichte auf einer Datumsachse. Die Ereignistabelle (Strg+3) listet dieselben Ereignisse als Text.</translation>
    </message>
    <message>
        <source>Actor map</source>
        <translation>Akteurskarte</translation>
    </message>
    <message>
        <source>Graph of the story&apos;s actors and their relations. Select an actor in the details panel or the search results to reach it by keyboard.</source>
        <translation>Graph der Akteure der Geschichte und ihrer Beziehungen. Einen Akteur im Detailbereich oder in den Suchergebnissen auswählen, um ihn per Tastatur zu erreichen.</translation>
    </message>
    <message>
        <source>Every event of the story, one per row: date, title, category and status. The same events the timeline draws, with the same filters.</source>
        <translation>Jedes Ereignis der Geschichte, eines je Zeile: Datum, Titel, Kategorie und Status. Dieselben Ereignisse, die die Zeitleiste zeichnet, mit denselben Filtern.</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Go to &amp;Timeline</source>
        <translation>Zur &amp;Zeitleiste</translation>
    </message>
    <message>
        <source>Go to Actor &amp;Map</source>
        <translation>Zur Akteurs&amp;karte</translation>
    </message>
    <message>
        <source>Go to Events &amp;Table</source>
        <translation>Zur Ereignis&amp;tabelle</translation>
    </message>
    <message>
        <source>The events as a table: the keyboard and screen-reader way through the timeline</source>
        <translation>Die Ereignisse als Tabelle: der Weg durch die Zeitleiste per Tastatur und Screenreader</translation>
    </message>
    <message>
        <source>Go to &amp;Details</source>
        <translation>Zu den &amp;Details</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Chronomap</source>
        <translation>Ü&amp;ber Chronomap</translation>
    </message>
    <message>
        <source>About Chronomap</source>
        <translation>Über Chronomap</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Chronomap %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Timelines and actor maps for newsrooms.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Chronomap %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Zeitleisten und Akteurskarten für Redaktionen.&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Story…</source>
        <translation>&amp;Neue Geschichte…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>Neues &amp;Fenster</translation>
    </message>
    <message>
        <source>Open this story in a second window</source>
        <translation>Diese Geschichte in einem zweiten Fenster öffnen</translation>
    </message>
    <message>
        <source>Save a &amp;Copy…</source>
        <translation>&amp;Kopie speichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Edit Entry</source>
        <translation>Eintrag &amp;bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete Entry</source>
        <translation>Eintrag &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Edit &amp;History</source>
        <translation>Bearbeitungs&amp;verlauf</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>E&amp;ntry</source>
        <translation>E&amp;intrag</translation>
    </message>
    <message>
        <source>New &amp;Event…</source>
        <translation>Neues &amp;Ereignis…</translation>
    </message>
    <message>
        <source>New &amp;Actor…</source>
        <translation>Neuer &amp;Akteur…</translation>
    </message>
    <message>
        <source>New &amp;Relation…</source>
        <translation>Neue &amp;Beziehung…</translation>
    </message>
    <message>
        <source>New &amp;Source…</source>
        <translation>Neue &amp;Quelle…</translation>
    </message>
    <message>
        <source>&amp;Cite a Source…</source>
        <translation>Quelle &amp;zitieren…</translation>
    </message>
    <message>
        <source>Add a &amp;Note…</source>
        <translation>&amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search events, actors, sources, notes (Ctrl+F)</source>
        <translation>Ereignisse, Akteure, Quellen, Notizen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>New Event</source>
        <translation>Neues Ereignis</translation>
    </message>
    <message>
        <source>New Actor</source>
        <translation>Neuer Akteur</translation>
    </message>
    <message>
        <source>New Relation</source>
        <translation>Neue Beziehung</translation>
    </message>
    <message>
        <source>New Source</source>
        <translation>Neue Quelle</translation>
    </message>
    <message>
        <source>Mark %1 Events As</source>
        <translation>%1 Ereignisse markieren als</translation>
    </message>
    <message>
        <source>Mark As</source>
        <translation>Markieren als</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Add a Note…</source>
        <translation>Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>Cite a Source…</source>
        <translation>Quelle zitieren…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>New Story</source>
        <translation>Neue Geschichte</translation>
    </message>
    <message>
        <source>Chronomap stories (*.chronomap)</source>
        <translation>Chronomap-Geschichten (*.chronomap)</translation>
    </message>
    <message>
        <source>Start from the sample story (the 28-point peace framework)?</source>
        <translation>Mit der Beispielgeschichte beginnen (der 28-Punkte-Friedensplan)?</translation>
    </message>
    <message>
        <source>Open Story</source>
        <translation>Geschichte öffnen</translation>
    </message>
    <message>
        <source>Chronomap stories (*.chronomap);;All files (*)</source>
        <translation>Chronomap-Geschichten (*.chronomap);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save a Copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <source>Saved a copy to %1</source>
        <translation>Kopie gespeichert unter %1</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>%1 is no longer there (moved, renamed or deleted); it was taken off the recent files. Use File › Open to find it.</source>
        <translation>%1 ist nicht mehr vorhanden (verschoben, umbenannt oder gelöscht); die Datei wurde aus der Liste der zuletzt geöffneten Dateien entfernt. Mit Datei › Öffnen lässt sie sich suchen.</translation>
    </message>
    <message>
        <source>No Recent Files</source>
        <translation>Keine zuletzt geöffneten Dateien</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>%L1 of %L2 events · %L3 of %L4 actors · %L5 of %L6 relations</source>
        <translation>%L1 von %L2 Ereignissen · %L3 von %L4 Akteuren · %L5 von %L6 Beziehungen</translation>
    </message>
</context>
<context>
    <name>chronomap::NodesCsvReader</name>
    <message>
        <source>%1:%2:%3: column &quot;%4&quot;: %5</source>
        <translation>%1:%2:%3: Spalte &quot;%4&quot;: %5</translation>
    </message>
    <message>
        <source>%1:1:1: a node table needs an &quot;Id&quot; or a &quot;Label&quot; column</source>
        <translation>%1:1:1: eine Knotentabelle braucht eine Spalte &quot;Id&quot; oder &quot;Label&quot;</translation>
    </message>
    <message>
        <source>expected the node&apos;s id, found an empty cell</source>
        <translation>erwartet: die ID des Knotens, gefunden: eine leere Zelle</translation>
    </message>
    <message>
        <source>expected a colour such as #0072b2, found &quot;%1&quot;</source>
        <translation>erwartet: eine Farbe wie #0072b2, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; is used twice</source>
        <translation>die ID &quot;%1&quot; kommt zweimal vor</translation>
    </message>
    <message>
        <source>expected an interval such as [2016-02-03, 2016-02-04], found &quot;%1&quot;</source>
        <translation>erwartet: ein Zeitraum wie [2016-02-03, 2016-02-04], gefunden: &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>chronomap::NoteDialog</name>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Add a Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Your reply to the note:</source>
        <translation>Ihre Antwort auf die Notiz:</translation>
    </message>
    <message>
        <source>A note for the other editors of this story:</source>
        <translation>Eine Notiz für die anderen Redakteure dieser Geschichte:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Signed “%1” (Edit › Preferences sets the name).</source>
        <translation>Gezeichnet „%1“ (Bearbeiten › Einstellungen legt den Namen fest).</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
</context>
<context>
    <name>chronomap::OpenSharedDialog</name>
    <message>
        <source>Open Shared Story</source>
        <translation>Geteilte Geschichte öffnen</translation>
    </message>
    <message>
        <source>newsroom</source>
        <translation>newsroom</translation>
    </message>
    <message>
        <source>peace-plan</source>
        <translation>peace-plan</translation>
    </message>
    <message>
        <source>A story kept on a PostgreSQL server, shared with your desk. The password comes from ~/.pgpass or PGPASSWORD; if the server wants one and neither has it, you are asked for it.</source>
        <translation>Eine Geschichte auf einem PostgreSQL-Server, geteilt mit Ihrem Ressort. Das Passwort kommt aus ~/.pgpass oder PGPASSWORD; verlangt der Server eines und keines davon hat es, werden Sie danach gefragt.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>S&amp;tory:</source>
        <translation>&amp;Geschichte:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>(name the database and the story)</source>
        <translation>(Datenbank und Geschichte angeben)</translation>
    </message>
    <message>
        <source>%1 on %2/%3</source>
        <translation>%1 auf %2/%3</translation>
    </message>
    <message>
        <source>Open &amp;Shared Story…</source>
        <translation>&amp;Geteilte Geschichte öffnen…</translation>
    </message>
    <message>
        <source>Open a story kept on a PostgreSQL server</source>
        <translation>Eine Geschichte von einem PostgreSQL-Server öffnen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The server of %1 wants the password of its user:</source>
        <translation>Der Server von %1 verlangt das Passwort seines Benutzers:</translation>
    </message>
</context>
<context>
    <name>chronomap::PgConnection</name>
    <message>
        <source>%1: the server wants a password; put it in ~/.pgpass or PGPASSWORD</source>
        <translation>%1: der Server verlangt ein Passwort; legen Sie es in ~/.pgpass oder PGPASSWORD ab</translation>
    </message>
    <message>
        <source>%1: cannot connect to the server: %2</source>
        <translation>%1: keine Verbindung zum Server: %2</translation>
    </message>
    <message>
        <source>%1: the password was refused</source>
        <translation>%1: das Passwort wurde abgelehnt</translation>
    </message>
    <message>
        <source>%1: the server is unreachable; nothing was changed (%2)</source>
        <translation>%1: der Server ist nicht erreichbar; nichts wurde geändert (%2)</translation>
    </message>
    <message>
        <source>%1: your role on this story does not allow that (%2)</source>
        <translation>%1: Ihre Rolle in dieser Geschichte erlaubt das nicht (%2)</translation>
    </message>
    <message>
        <source>%1: the story is open read-only; nothing was changed</source>
        <translation>%1: die Geschichte ist schreibgeschützt geöffnet; nichts wurde geändert</translation>
    </message>
    <message>
        <source>%1: the story is busy in another window; try again in a moment (%2)</source>
        <translation>%1: die Geschichte ist in einem anderen Fenster beschäftigt; versuchen Sie es gleich noch einmal (%2)</translation>
    </message>
    <message>
        <source>%1: the server refused: %2</source>
        <translation>%1: der Server hat abgelehnt: %2</translation>
    </message>
</context>
<context>
    <name>chronomap::PgLocator</name>
    <message>
        <source>%1: the address names no story; add ?story=NAME to it</source>
        <translation>%1: die Adresse nennt keine Geschichte; hängen Sie ?story=NAME an</translation>
    </message>
    <message>
        <source>%1: the story&apos;s name is too long</source>
        <translation>%1: der Name der Geschichte ist zu lang</translation>
    </message>
</context>
<context>
    <name>chronomap::PgStore</name>
    <message>
        <source>%1: this %2 was deleted by someone else; nothing was saved</source>
        <translation>%1: dieser Eintrag (%2) wurde von jemand anderem gelöscht; nichts wurde gespeichert</translation>
    </message>
    <message>
        <source>%1: this %2 was changed by %3 at %4 UTC since you read it; your change was not saved. Reload it to see theirs</source>
        <translation>%1: dieser Eintrag (%2) wurde von %3 um %4 UTC geändert, seit Sie ihn gelesen haben; Ihre Änderung wurde nicht gespeichert. Laden Sie ihn neu, um die andere Fassung zu sehen</translation>
    </message>
    <message>
        <source>%1: your role on this story does not allow changing this %2 as it stands (its status)</source>
        <translation>%1: Ihre Rolle in dieser Geschichte erlaubt es nicht, diesen Eintrag (%2) in seinem jetzigen Zustand (seinem Status) zu ändern</translation>
    </message>
    <message>
        <source>%1: this database holds no Chronomap stories; create one with &quot;chronomap new&quot; first</source>
        <translation>%1: diese Datenbank enthält keine Chronomap-Geschichten; legen Sie zuerst eine mit &quot;chronomap new&quot; an</translation>
    </message>
    <message>
        <source>%1: the stories in this database were written by a newer Chronomap (schema %2, this program reads up to %3); update Chronomap to open them</source>
        <translation>%1: die Geschichten in dieser Datenbank wurden von einem neueren Chronomap geschrieben (Schema %2, dieses Programm liest bis %3); aktualisieren Sie Chronomap, um sie zu öffnen</translation>
    </message>
    <message>
        <source>%1: the stories in this database are in an older format and cannot be opened read-only; open one for editing once to update them</source>
        <translation>%1: die Geschichten in dieser Datenbank haben ein älteres Format und lassen sich nicht schreibgeschützt öffnen; öffnen Sie eine einmal zum Bearbeiten, um sie zu aktualisieren</translation>
    </message>
    <message>
        <source>%1: a story of that name already exists in this database; choose another name</source>
        <translation>%1: eine Geschichte dieses Namens existiert bereits in dieser Datenbank; wählen Sie einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: no story of that name in this database</source>
        <translation>%1: keine Geschichte dieses Namens in dieser Datenbank</translation>
    </message>
    <message>
        <source>%1: unknown role &quot;%2&quot;; the roles are viewer, reporter, editor and standards</source>
        <translation>%1: unbekannte Rolle &quot;%2&quot;; die Rollen sind viewer, reporter, editor und standards</translation>
    </message>
    <message>
        <source>%1: there is no database user &quot;%2&quot;; create it first (createuser %2)</source>
        <translation>%1: es gibt keinen Datenbankbenutzer &quot;%2&quot;; legen Sie ihn zuerst an (createuser %2)</translation>
    </message>
</context>
<context>
    <name>chronomap::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Notes and the change log are signed with this name; empty uses the login name</source>
        <translation>Notizen und das Änderungsprotokoll werden mit diesem Namen gezeichnet; leer verwendet den Anmeldenamen</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <source>CHRONOMAP_AUTHOR is set: edits are signed &quot;%1&quot; while it is.</source>
        <translation>CHRONOMAP_AUTHOR ist gesetzt: Änderungen werden mit &quot;%1&quot; gezeichnet, solange es gesetzt ist.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>Timeline lanes</source>
        <translation>Spuren der Zeitleiste</translation>
    </message>
    <message>
        <source>One per category</source>
        <translation>Eine je Kategorie</translation>
    </message>
    <message>
        <source>One per actor</source>
        <translation>Eine je Akteur</translation>
    </message>
    <message>
        <source>Packed (fewest lanes)</source>
        <translation>Gepackt (wenigste Spuren)</translation>
    </message>
    <message>
        <source>Timeline &amp;lanes:</source>
        <translation>&amp;Spuren der Zeitleiste:</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>Recent files:</source>
        <translation>Zuletzt geöffnet:</translation>
    </message>
</context>
<context>
    <name>chronomap::PresentWindow</name>
    <message>
        <source>%1 — Present</source>
        <translation>%1 — Präsentation</translation>
    </message>
    <message>
        <source>Scene “%1”: %2</source>
        <translation>Szene „%1“: %2</translation>
    </message>
    <message>
        <source>Current view</source>
        <translation>Aktuelle Ansicht</translation>
    </message>
    <message>
        <source>This story has no scenes yet. To build a presentation, set up the charts in the window and use Scenes › Add (View › Scenes); Present (F5) then plays them in order. Esc leaves.</source>
        <translation>Diese Geschichte hat noch keine Szenen. Für eine Präsentation die Grafiken im Fenster einrichten und Szenen › Hinzufügen verwenden (Ansicht › Szenen); Präsentieren (F5) spielt sie dann der Reihe nach ab. Esc beendet.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>chronomap::ScenesController</name>
    <message>
        <source>Scenes</source>
        <translation>Szenen</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Präsentieren</translation>
    </message>
    <message>
        <source>Play the story&apos;s scenes full screen (Esc leaves)</source>
        <translation>Die Szenen der Geschichte im Vollbild abspielen (Esc beendet)</translation>
    </message>
    <message>
        <source>Scene “%1” was shown without what could not be read: %2</source>
        <translation>Szene „%1“ wurde ohne das gezeigt, was sich nicht lesen ließ: %2</translation>
    </message>
    <message>
        <source>Presenting without what could not be read: %1</source>
        <translation>Präsentation ohne das, was sich nicht lesen ließ: %1</translation>
    </message>
    <message>
        <source>Export Scenes</source>
        <translation>Szenen exportieren</translation>
    </message>
    <message>
        <source>PDF deck, one page per scene (*.pdf);;Numbered PNG images (*.png)</source>
        <translation>PDF-Foliensatz, eine Seite je Szene (*.pdf);;Nummerierte PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Exported %1 scenes to %2</source>
        <translation>%1 Szenen nach %2 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 scene images to %2 (%3 …)</source>
        <translation>%1 Szenenbilder nach %2 exportiert (%3 …)</translation>
    </message>
</context>
<context>
    <name>chronomap::ScenesPanel</name>
    <message>
        <source>Scenes</source>
        <translation>Szenen</translation>
    </message>
    <message>
        <source>No scenes yet. Set up the charts as you want them shown (window, filters, selection), then press Add to save the view as a scene. Present (F5) plays the scenes in order.</source>
        <translation>Noch keine Szenen. Die Grafiken so einrichten, wie sie gezeigt werden sollen (Zeitfenster, Filter, Auswahl), dann Hinzufügen drücken, um die Ansicht als Szene zu speichern. Präsentieren (F5) spielt die Szenen der Reihe nach ab.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Save the current view as a new scene</source>
        <translation>Die aktuelle Ansicht als neue Szene speichern</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Replace the scene&apos;s view with the current view</source>
        <translation>Die Ansicht der Szene durch die aktuelle Ansicht ersetzen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <source>Rename the scene</source>
        <translation>Die Szene umbenennen</translation>
    </message>
    <message>
        <source>Caption…</source>
        <translation>Bildunterschrift…</translation>
    </message>
    <message>
        <source>Edit the caption shown under the scene</source>
        <translation>Die unter der Szene gezeigte Bildunterschrift bearbeiten</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Play this scene earlier (Alt+Up)</source>
        <translation>Diese Szene früher abspielen (Alt+Nach-oben)</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Play this scene later (Alt+Down)</source>
        <translation>Diese Szene später abspielen (Alt+Nach-unten)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the scene (Edit › Undo brings it back)</source>
        <translation>Die Szene löschen (Bearbeiten › Rückgängig holt sie zurück)</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Präsentieren</translation>
    </message>
    <message>
        <source>Play the scenes full screen (F5)</source>
        <translation>Die Szenen im Vollbild abspielen (F5)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export every scene as a PDF deck or numbered PNGs</source>
        <translation>Alle Szenen als PDF-Foliensatz oder nummerierte PNGs exportieren</translation>
    </message>
    <message>
        <source>Add Scene</source>
        <translation>Szene hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new scene (the current view is saved with it):</source>
        <translation>Name der neuen Szene (die aktuelle Ansicht wird mit ihr gespeichert):</translation>
    </message>
    <message>
        <source>Scene %1</source>
        <translation>Szene %1</translation>
    </message>
    <message>
        <source>Rename Scene</source>
        <translation>Szene umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Scene Caption</source>
        <translation>Bildunterschrift der Szene</translation>
    </message>
    <message>
        <source>Caption of “%1” (shown under the charts when presenting and in exports):</source>
        <translation>Bildunterschrift von „%1“ (beim Präsentieren und in Exporten unter den Grafiken gezeigt):</translation>
    </message>
</context>
<context>
    <name>chronomap::SearchPanel</name>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) for “%1”</source>
        <translation>
            <numerusform>%n Treffer für „%1“</numerusform>
            <numerusform>%n Treffer für „%1“</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Only Matching Events</source>
        <translation>Nur passende Ereignisse zeigen</translation>
    </message>
    <message>
        <source>Show only the events that match in the charts, the table and the exports (a filter chip; Clear filters removes it)</source>
        <translation>Nur die passenden Ereignisse in den Grafiken, der Tabelle und den Exporten zeigen (ein Filter-Chip; Filter löschen entfernt ihn)</translation>
    </message>
    <message>
        <source>First %L1 of %L2 matches for “%3”</source>
        <translation>Erste %L1 von %L2 Treffern für „%3“</translation>
    </message>
</context>
<context>
    <name>chronomap::SearchResultModel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
</context>
<context>
    <name>chronomap::SharedSession</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Shared story: you work as %1 (%2)</source>
        <translation>Geteilte Geschichte: Sie arbeiten als %1 (%2)</translation>
    </message>
    <message>
        <source>Back online: the story was read again</source>
        <translation>Wieder online: Die Geschichte wurde neu gelesen</translation>
    </message>
    <message>
        <source>Offline: reconnecting to the server</source>
        <translation>Offline: Verbindung zum Server wird wiederhergestellt</translation>
    </message>
    <message>
        <source>You hold no Chronomap role on this server; ask its administrator for one</source>
        <translation>Sie haben auf diesem Server keine Chronomap-Rolle; bitten Sie die Administration um eine</translation>
    </message>
    <message>
        <source>Your role on this server is %1; viewers read only</source>
        <translation>Ihre Rolle auf diesem Server ist %1; Leser (viewer) können nur lesen</translation>
    </message>
    <message>
        <source>Your role on this server is %1; only standards can clear entries</source>
        <translation>Ihre Rolle auf diesem Server ist %1; nur die Standards-Redaktion kann Einträge freigeben</translation>
    </message>
    <message>
        <source>Your role on this server is %1; only editors and standards can confirm or dispute entries</source>
        <translation>Ihre Rolle auf diesem Server ist %1; nur Redakteure (editor) und die Standards-Redaktion können Einträge bestätigen oder als umstritten markieren</translation>
    </message>
    <message>
        <source>Your role on this server is %1; only standards can delete entries</source>
        <translation>Ihre Rolle auf diesem Server ist %1; nur die Standards-Redaktion kann Einträge löschen</translation>
    </message>
    <message>
        <source>Your role on this server is %1; reporters edit drafts only</source>
        <translation>Ihre Rolle auf diesem Server ist %1; Reporter bearbeiten nur Entwürfe</translation>
    </message>
    <message>
        <source>Offline — reconnecting (try %1)…</source>
        <translation>Offline – neue Verbindung wird aufgebaut (Versuch %1)…</translation>
    </message>
    <message>
        <source>Offline — reconnecting (try %1 in %2 s)…</source>
        <translation>Offline – neue Verbindung (Versuch %1 in %2 s)…</translation>
    </message>
    <message>
        <source>The server of this shared story (%1) does not answer. What you are typing stays in the window, and nothing that was saved is lost.</source>
        <translation>Der Server dieser geteilten Geschichte (%1) antwortet nicht. Was Sie gerade schreiben, bleibt im Fenster, und nichts Gespeichertes geht verloren.</translation>
    </message>
</context>
<context>
    <name>chronomap::ShortcutSheet</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Search actions, menus or keys</source>
        <translation>Aktionen, Menüs oder Tasten suchen</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>Tastenkürzel suchen</translation>
    </message>
    <message>
        <source>Actions and their shortcuts</source>
        <translation>Aktionen und ihre Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Chart keys (zoom, lanes, ego view) work while that chart has the focus: Ctrl+1 focuses the timeline, Ctrl+2 the actor map, Ctrl+3 the events table.</source>
        <translation>Grafiktasten (Zoom, Spuren, Ego-Ansicht) wirken, solange die Grafik den Fokus hat: Strg+1 fokussiert die Zeitleiste, Strg+2 die Akteurskarte, Strg+3 die Ereignistabelle.</translation>
    </message>
</context>
<context>
    <name>chronomap::Store</name>
    <message>
        <source>preparing a query</source>
        <translation>Vorbereiten einer Abfrage</translation>
    </message>
    <message>
        <source>running a query</source>
        <translation>Ausführen einer Abfrage</translation>
    </message>
    <message>
        <source>%1: %2 has no valid date</source>
        <translation>%1: %2 hat kein gültiges Datum</translation>
    </message>
    <message>
        <source>%1: a file of that name already exists; choose another name or remove it first</source>
        <translation>%1: eine Datei dieses Namens gibt es schon; einen anderen Namen wählen oder sie zuerst entfernen</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht gefunden</translation>
    </message>
    <message>
        <source>%1: not a file</source>
        <translation>%1: keine Datei</translation>
    </message>
    <message>
        <source>%1: not a Chronomap story (too short to be a story file)</source>
        <translation>%1: keine Chronomap-Geschichte (zu kurz für eine Geschichtendatei)</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1: this story is in an older format and cannot be opened read-only; open it for editing once to update it</source>
        <translation>%1: diese Geschichte hat ein älteres Format und lässt sich nicht schreibgeschützt öffnen; einmal zum Bearbeiten öffnen, um sie zu aktualisieren</translation>
    </message>
    <message>
        <source>%1: the story is busy in another window or program; try again in a moment (%2)</source>
        <translation>%1: die Geschichte ist in einem anderen Fenster oder Programm in Arbeit; gleich noch einmal versuchen (%2)</translation>
    </message>
    <message>
        <source>%1: the story is read-only; save a copy to edit it</source>
        <translation>%1: die Geschichte ist schreibgeschützt; zum Bearbeiten eine Kopie speichern</translation>
    </message>
    <message>
        <source>%1: the disk is full; nothing was changed</source>
        <translation>%1: der Datenträger ist voll; nichts wurde geändert</translation>
    </message>
    <message>
        <source>%1: not a Chronomap story (not a SQLite database, or a damaged one)</source>
        <translation>%1: keine Chronomap-Geschichte (keine oder eine beschädigte SQLite-Datenbank)</translation>
    </message>
    <message>
        <source>%1: the story file is damaged (%2); open a backup copy</source>
        <translation>%1: die Geschichtendatei ist beschädigt (%2); eine Sicherungskopie öffnen</translation>
    </message>
    <message>
        <source>%1: %2 failed: %3</source>
        <translation>%1: %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>reading the file header</source>
        <translation>Lesen des Dateikopfs</translation>
    </message>
    <message>
        <source>%1: not a Chronomap story (a SQLite database of another program); import it instead</source>
        <translation>%1: keine Chronomap-Geschichte (eine SQLite-Datenbank eines anderen Programms); stattdessen importieren</translation>
    </message>
    <message>
        <source>%1: this story was written by a newer Chronomap (story format %2, this program reads up to %3); update Chronomap to open it</source>
        <translation>%1: diese Geschichte stammt von einem neueren Chronomap (Geschichtenformat %2, dieses Programm liest bis %3); Chronomap aktualisieren, um sie zu öffnen</translation>
    </message>
    <message>
        <source>%1: not a Chronomap story (no story format version)</source>
        <translation>%1: keine Chronomap-Geschichte (keine Formatversion)</translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation>lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>%1: cannot check the story: %2</source>
        <translation>%1: die Geschichte lässt sich nicht prüfen: %2</translation>
    </message>
    <message>
        <source>%1: the story file is damaged (%2); it is open read-only: save a copy of what you need and open a backup</source>
        <translation>%1: die Geschichtendatei ist beschädigt (%2); sie ist schreibgeschützt geöffnet: das Benötigte als Kopie speichern und eine Sicherung öffnen</translation>
    </message>
    <message>
        <source>reading the schema</source>
        <translation>Lesen des Schemas</translation>
    </message>
    <message>
        <source>%1: the story contains a %2 that Chronomap did not create; it was refused so that no foreign code runs. Import its data into a new story instead</source>
        <translation>%1: die Geschichte enthält %2, das nicht von Chronomap stammt; sie wurde abgelehnt, damit kein fremder Code läuft. Stattdessen ihre Daten in eine neue Geschichte importieren</translation>
    </message>
    <message>
        <source>%1: a part of the change failed; nothing was changed</source>
        <translation>%1: ein Teil der Änderung ist fehlgeschlagen; nichts wurde geändert</translation>
    </message>
    <message>
        <source>%1: a file of that name already exists; choose another name</source>
        <translation>%1: eine Datei dieses Namens gibt es schon; einen anderen Namen wählen</translation>
    </message>
    <message>
        <source>%1: could not write the copy: %2</source>
        <translation>%1: die Kopie ließ sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>the era &quot;%1&quot;</source>
        <translation>die Epoche &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the event &quot;%1&quot;</source>
        <translation>das Ereignis &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: this is the open story or a file SQLite keeps beside it; a copy must go to another name</source>
        <translation>%1: das ist die geöffnete Geschichte oder eine Datei, die SQLite daneben ablegt; eine Kopie braucht einen anderen Namen</translation>
    </message>
    <message>
        <source>%1: the story is open read-only; nothing was changed.%2</source>
        <translation>%1: die Geschichte ist schreibgeschützt geöffnet; nichts wurde geändert.%2</translation>
    </message>
</context>
<context>
    <name>chronomap::Story</name>
    <message>
        <source>the seed story is missing from this build</source>
        <translation>die Beispielgeschichte fehlt in diesem Build</translation>
    </message>
    <message>
        <source>seed story</source>
        <translation>Beispielgeschichte</translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>unbekannter Autor</translation>
    </message>
    <message>
        <source>%1 at %2 UTC</source>
        <translation>%1 um %2 UTC</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineJsReader</name>
    <message>
        <source>a day or a time needs a month</source>
        <translation>ein Tag oder eine Uhrzeit braucht einen Monat</translation>
    </message>
    <message>
        <source>expected a month from 1 to 12, found %1</source>
        <translation>erwartet: ein Monat von 1 bis 12, gefunden: %1</translation>
    </message>
    <message>
        <source>a time needs a day</source>
        <translation>eine Uhrzeit braucht einen Tag</translation>
    </message>
    <message>
        <source>expected a day from 1 to %1 for that month, found %2</source>
        <translation>erwartet: ein Tag von 1 bis %1 für diesen Monat, gefunden: %2</translation>
    </message>
    <message>
        <source>expected a time from 00:00:00 to 23:59:59</source>
        <translation>erwartet: eine Uhrzeit von 00:00:00 bis 23:59:59</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date</source>
        <translation>&quot;%1&quot; ist kein Datum</translation>
    </message>
    <message>
        <source>expected an object, {...}, found %1</source>
        <translation>erwartet: ein Objekt, {...}, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>erwartet: eine Zeichenkette, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a whole number such as 2025 or &quot;2025&quot;, found %1</source>
        <translation>erwartet: eine ganze Zahl wie 2025 oder &quot;2025&quot;, gefunden: %1</translation>
    </message>
    <message>
        <source>the field &quot;year&quot; is missing; TimelineJS needs at least a year</source>
        <translation>das Feld &quot;year&quot; fehlt; TimelineJS braucht mindestens ein Jahr</translation>
    </message>
    <message>
        <source>%1 is out of range</source>
        <translation>%1 liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>expected a valid date: %1</source>
        <translation>erwartet: ein gültiges Datum: %1</translation>
    </message>
    <message>
        <source>the field &quot;events&quot; is missing: a TimelineJS file has &quot;events&quot;: [...] (is this a TimelineJS file?)</source>
        <translation>das Feld &quot;events&quot; fehlt: eine TimelineJS-Datei hat &quot;events&quot;: [...] (ist das eine TimelineJS-Datei?)</translation>
    </message>
    <message>
        <source>expected an array, [...], found %1</source>
        <translation>erwartet: ein Array, [...], gefunden: %1</translation>
    </message>
    <message>
        <source>%1:%2:%3: column &quot;%4&quot;: %5</source>
        <translation>%1:%2:%3: Spalte &quot;%4&quot;: %5</translation>
    </message>
    <message>
        <source>expected a whole number, found &quot;%1&quot;</source>
        <translation>erwartet: eine ganze Zahl, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a time such as 14:30 or 2:30 PM, found &quot;%1&quot;</source>
        <translation>erwartet: eine Uhrzeit wie 14:30 oder 2:30 PM, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected an hour from 1 to 12 before AM/PM, found %1</source>
        <translation>erwartet: eine Stunde von 1 bis 12 vor AM/PM, gefunden: %1</translation>
    </message>
    <message>
        <source>expected a date such as 2025,10,24 or 2025-10-24, found &quot;%1&quot;</source>
        <translation>erwartet: ein Datum wie 2025,10,24 oder 2025-10-24, gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a year; every event needs at least a year</source>
        <translation>erwartet: ein Jahr; jedes Ereignis braucht mindestens ein Jahr</translation>
    </message>
    <message>
        <source>%1:1:1: the column &quot;Year&quot; (or &quot;Start Date&quot;) is missing; expected TimelineJS&apos;s template: Year, Month, Day, Time, End Year, ..., Headline, Text, ...</source>
        <translation>%1:1:1: die Spalte &quot;Year&quot; (oder &quot;Start Date&quot;) fehlt; erwartet: die Vorlage von TimelineJS: Year, Month, Day, Time, End Year, ..., Headline, Text, ...</translation>
    </message>
    <message>
        <source>%1:1:1: the column &quot;Headline&quot; is missing; expected TimelineJS&apos;s template</source>
        <translation>%1:1:1: die Spalte &quot;Headline&quot; fehlt; erwartet: die Vorlage von TimelineJS</translation>
    </message>
    <message>
        <source>expected an object, {&quot;events&quot;: [...]}, at the top of the file</source>
        <translation>erwartet: ein Objekt, {&quot;events&quot;: [...]}, am Anfang der Datei</translation>
    </message>
    <message>
        <source>expected a year within 20 billion years, found %1</source>
        <translation>erwartet: ein Jahr innerhalb von 20 Milliarden Jahren, gefunden: %1</translation>
    </message>
    <message>
        <source>this is a TimelineJS 3.0 pre-release file (&quot;timeline&quot;: {&quot;slides&quot;: [...]}), an older format; open it in TimelineJS and save it again, or rename &quot;slides&quot; to &quot;events&quot; at the top of the file</source>
        <translation>das ist eine Vorabversion einer TimelineJS-3.0-Datei (&quot;timeline&quot;: {&quot;slides&quot;: [...]}), ein älteres Format; öffnen Sie sie in TimelineJS und speichern Sie sie erneut, oder benennen Sie &quot;slides&quot; am Anfang der Datei in &quot;events&quot; um</translation>
    </message>
    <message>
        <source>this is a TimelineJS 2 file (&quot;timeline&quot;: {&quot;date&quot;: [...]}), the older format Chronomap does not read; convert it to TimelineJS 3 JSON (&quot;events&quot;: [...])</source>
        <translation>das ist eine TimelineJS-2-Datei (&quot;timeline&quot;: {&quot;date&quot;: [...]}), das ältere Format, das Chronomap nicht liest; wandeln Sie sie in TimelineJS-3-JSON um (&quot;events&quot;: [...])</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineLegend</name>
    <message>
        <source>events per pixel column (zoom in for each event)</source>
        <translation>Ereignisse je Pixelspalte (hineinzoomen für jedes Ereignis)</translation>
    </message>
    <message>
        <source>known to the day</source>
        <translation>taggenau bekannt</translation>
    </message>
    <message>
        <source>month or year only (soft ends)</source>
        <translation>nur Monat oder Jahr (weiche Enden)</translation>
    </message>
    <message>
        <source>could be as early/late as</source>
        <translation>könnte so früh/spät sein wie</translation>
    </message>
    <message>
        <source>year inferred or uncertain</source>
        <translation>Jahr erschlossen oder unsicher</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>freigegeben</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>umstritten</translation>
    </message>
    <message>
        <source>⚠ not cleared for publication</source>
        <translation>⚠ nicht zur Veröffentlichung freigegeben</translation>
    </message>
</context>
<context>
    <name>chronomap::TimelineView</name>
    <message>
        <source>Lanes</source>
        <translation>Spuren</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Lanes by &amp;Category</source>
        <translation>Spuren nach &amp;Kategorie</translation>
    </message>
    <message>
        <source>Lanes by &amp;Actor</source>
        <translation>Spuren nach &amp;Akteur</translation>
    </message>
    <message>
        <source>&amp;Packed Lanes</source>
        <translation>&amp;Gepackte Spuren</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Hineinzoomen</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Her&amp;auszoomen</translation>
    </message>
    <message>
        <source>&amp;Fit Story</source>
        <translation>Geschichte &amp;einpassen</translation>
    </message>
    <message>
        <source>Fit &amp;Selection</source>
        <translation>Au&amp;swahl einpassen</translation>
    </message>
    <message>
        <source>&amp;Previous Event</source>
        <translation>&amp;Vorheriges Ereignis</translation>
    </message>
    <message>
        <source>&amp;Next Event</source>
        <translation>&amp;Nächstes Ereignis</translation>
    </message>
    <message>
        <source>Move Lane &amp;Up</source>
        <translation>Spur nach &amp;oben</translation>
    </message>
    <message>
        <source>Move Lane &amp;Down</source>
        <translation>Spur nach &amp;unten</translation>
    </message>
    <message>
        <source>&lt;b&gt;%L1 events&lt;/b&gt; in %2&lt;br/&gt;around %3&lt;br/&gt;&lt;small&gt;Zoom in to see them&lt;/small&gt;</source>
        <translation>&lt;b&gt;%L1 Ereignisse&lt;/b&gt; in %2&lt;br/&gt;um %3&lt;br/&gt;&lt;small&gt;Hineinzoomen, um sie zu sehen&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Move Lane Up</source>
        <translation>Spur nach oben</translation>
    </message>
    <message>
        <source>Move Lane Down</source>
        <translation>Spur nach unten</translation>
    </message>
    <message>
        <source>Move Lane to Top</source>
        <translation>Spur ganz nach oben</translation>
    </message>
</context>
</TS>
