# Partnero's interface in English (the reference: every key is defined here first).
# Keys are named <screen>-<what>; tests/i18n.rs checks that Spanish and Esperanto define the
# same keys with the same variables, and that every key the code uses exists.

## The app shell (ui/mod.rs)
nav-main = Main
nav-your-record = Your record
nav-invoices = Invoices
nav-reports = Reports
nav-settings = Settings
nav-users = Users
app-opening = Opening your partner registry…
app-open-failed = Partnero cannot open the registry stored on this device.
app-unreadable = { $count ->
    [one] One stored record could not be opened; the others are fine.
   *[other] { $count } stored records could not be opened; the others are fine.
    }
app-unreadable-kept = Their stored data is left untouched so it can be recovered; they are not shown below.
app-refused-title = The server does not accept some changes made on this device.
app-refused-why = Your account may not change these records (any more). Until you discard the changes, this device shows a version nobody else sees.
app-refused-backup = To keep a copy of your changes first,
app-refused-backup-link = download a complete backup
app-refused-discard = Discard my changes and fetch the server's version
app-session-ended = Your session has ended (signed out by an administrator, deactivated or expired). What is on this device stays readable;
app-session-sign-out = sign out
app-session-again = and sign in again to sync.
app-not-found = Page not found
app-back-to-list = Back to the partner list

## Sync status and account (ui/account.rs)
sync-local = Not signed in: changes stay on this device
sync-connecting = Connecting…
sync-offline = Offline · saved on this device
sync-syncing = Syncing { $count } document(s)
sync-up-to-date = Up to date since { $time }
sync-pending = { $count } change(s) not on the server
sync-progress = Syncing with the server: { $done } of { $total } documents
account-sign-in = Sign in
account-account = Account
account-title = Account
account-device-link = This device: storage, backup and restore
account-language = Language
account-language-help = Partnero follows your browser's language until you choose one here; the choice is remembered on this device.

account-not-signed-in = Not signed in.
account-to-sync = to sync with your team.
account-signed-in-as = Signed in as
account-sign-out-help = Signing out removes the partner registry from this device. It stays on the server for your next sign-in.
account-sign-out = Sign out
account-not-signed-out = Not signed out.
account-stay-or-backup = Stay signed in and online until the status says up to date, or keep them in a file first:
account-then-discard = (it holds every change on this device), then discard them.
account-discard-and-sign-out = Discard unsynced changes and sign out

## This device (ui/device.rs)
device-update-ready = A new version of Partnero is ready.
device-update-kept = Everything you entered is saved on this device and stays there.
device-update-now = Update now
device-update-failed = Could not update: { $reason }
device-storage-low = This device is running out of space for Partnero.
device-storage-may-fail = New changes may fail to save.
device-storage-may-clear = The browser may clear data it has not promised to keep, including changes not yet on the server.
device-storage-link = Download a backup and see the storage used
device-title = This device
device-back = ← Partners
device-storage = Storage
device-storage-unknown = This browser does not say how much storage Partnero uses.
device-storage-used = Partnero uses { $used } of the { $quota } this browser allows it.
device-storage-meter = Storage used
device-persisted = The browser keeps this data even when space runs low.
device-not-persisted = The browser may clear this data when space runs low. Installing Partnero or using it often lets it promise to keep it.
device-keep = Keep data on this device
device-backup = Backup
device-backup-help = One file with every document and attached file on this device, including changes not yet on the server. Keep it somewhere safe: it holds bank accounts and notes.
device-backup-download = Download a complete backup
device-backup-reading = Reading every document and file on this device…
device-backup-done = Backup downloaded: { $summary }.
device-backup-summary = { $documents } documents and { $files } files, { $size }
device-restore = Restore a backup
device-restore-needs-empty = A backup is restored into an empty workspace only, so nothing here is overwritten. Sign out (which erases this device's copy) or use a fresh browser profile, then restore.
device-restore-file = Backup file
device-restore-checking = Checking { $name }…
device-restore-holds = This backup holds { $summary }.
device-restore-confirm = Restore it on this device
device-restore-working = Restoring { $summary }…
