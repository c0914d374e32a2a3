# Why the registry or the device's storage refused or failed a change: the core's
# `RegistryError`, `StoreError` and `ChangeRefusal` (src/registry/mod.rs, src/store/mod.rs,
# src/model/change_refusal.rs), worded by `ui::words::registry_error`. Technical details (what
# the storage or Automerge said, document ids) stay as the core wrote them.

# Storage and documents.
registry-storage-failed = This device's storage failed while trying to { $action }: { $reason }
registry-storage-full = This device's storage is full, so the change was not saved. Free some space (or allow this site more), then try again.
registry-workspace-unreadable = The workspace document { $id } cannot be opened: { $reason }
registry-partner-not-found = No partner with id { $id } is open on this device.
registry-partner-exists = A partner with id { $id } already exists.
registry-document = The document could not be updated: { $detail }

# Classification lists and categories.
registry-name-required = A name is required.
registry-term-id-taken = { $list }: the id “{ $id }” is taken or empty.
registry-term-merged-into-itself = { $list }: a term cannot be merged into itself.
registry-unknown-term = { $list }: there is no term { $id }.
registry-unknown-category = There is no category { $id }.
registry-category-under-itself = A category cannot be moved under itself or one of its subcategories.
registry-settings-being-fetched = The settings are still being fetched from the server; try again in a moment.

# Documents of this device, links and merges.
registry-no-such-document = There is no document { $id } on this device.
registry-workspace-never-synced = The workspace was never synced, so there is no server version to go back to.
registry-supply-itself = Cannot link: a partner cannot supply itself.
registry-not-a-client = Cannot link: { $name } is not a client.
registry-not-a-supplier = Cannot link: { $name } is not a supplier.
registry-partner-merged-into-itself = A partner cannot be merged into itself.
registry-already-merged = { $name } was already merged into another partner.
registry-no-such-verification-document = The partner has no document { $row }.

# History.
registry-not-a-change = { $hash } is not a change.
registry-change-not-in-record = Change { $hash } is not in this record.
registry-no-field-given = No field given.
registry-field-not-restorable = { $field } is not a field that can be restored.
registry-field-not-in-record = { $field } is not in the record now.
registry-field-cannot-be-restored = { $field } cannot be restored: { $detail }

# Partner portal: proposals and requests.
registry-proposal-needs-author = A proposal needs its author's name.
registry-proposal-exists = Proposal { $id } already exists.
registry-no-such-proposal = There is no proposal { $id } for this partner.
registry-not-proposed = Proposal { $proposal } does not propose a change to { $field }.
registry-already-decided = { $field } of proposal { $proposal } was already { $decision ->
    [accepted] accepted
   *[rejected] rejected
    } by { $by }.
registry-already-decided-anonymous = { $field } of proposal { $proposal } was already { $decision ->
    [accepted] accepted
   *[rejected] rejected
    }.
registry-request-needs-text = Say what you are asking for.
registry-request-exists = Request { $id } already exists.
registry-answer-needs-content = Write an answer or attach a file.
registry-no-such-request = There is no request { $id }.
registry-request-closed = Request { $id } is closed and takes no more answers.
