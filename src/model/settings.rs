//! Workspace settings: what the company requires of a partner record before it counts as
//! complete, how early expiring documents are flagged, the company's own custom fields, and its
//! classification (a category tree, industries, regions, tags, payment presets).
//!
//! The settings live in the workspace document (key `settings`), so they sync to every device
//! like the partner index and apply offline. Older workspace documents without the key read as
//! [`WorkspaceSettings::default`], and fields added later read as empty. Each rule is a separate
//! map key, and custom fields and terms are maps keyed by id, so two administrators changing
//! different rules, fields or terms at the same time both keep their change.
//!
//! Partners store custom values and classification by id, never by label or name: renaming a
//! field or a term changes one entry here and nothing on the partners, and a field that is no
//! longer wanted is archived rather than removed, so no stored value is ever lost silently
//! (see [`WorkspaceSettings::orphaned_custom_values`]).

use std::collections::{BTreeMap, BTreeSet};

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::activity::{AlertRules, MessageTemplate};
use super::change_refusal::ChangeRefusal;
use super::partner::{PartnerKind, PartnerProfile, PaymentMethod, PaymentTerms};
use super::verification::DocumentKind;

/// Days before expiry at which a document is flagged, unless the settings say otherwise.
pub const DEFAULT_EXPIRY_WARNING_DAYS: u32 = 30;

/// All workspace settings.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct WorkspaceSettings {
    /// What a client record needs.
    pub client: RequiredData,
    /// What a supplier record needs. A partner that is both must satisfy both.
    pub supplier: RequiredData,
    /// Documents expiring within this many days are flagged.
    pub expiry_warning_days: u32,
    /// The company's own fields on partner records, keyed by a stable field id (values on the
    /// partners are keyed by the same id, so a rename touches only the label here).
    #[autosurgeon(missing = "Default::default")]
    pub custom_fields: BTreeMap<String, CustomFieldDef>,
    /// A tree of categories (supplier types, client segments), keyed by category id.
    #[autosurgeon(missing = "Default::default")]
    pub categories: BTreeMap<String, Category>,
    /// Industries a partner can be assigned to, keyed by term id.
    #[autosurgeon(missing = "Default::default")]
    pub industries: BTreeMap<String, Term>,
    /// Regions (sales territories), keyed by term id.
    #[autosurgeon(missing = "Default::default")]
    pub regions: BTreeMap<String, Term>,
    /// Free labels, keyed by term id.
    #[autosurgeon(missing = "Default::default")]
    pub tags: BTreeMap<String, Term>,
    /// Payment terms the company commonly agrees, offered as one-click choices on the form.
    #[autosurgeon(missing = "Default::default")]
    pub payment_presets: BTreeMap<String, PaymentPreset>,
    /// Which alerts the devices compute (invoice due and overdue, documents expiring,
    /// follow-ups, missing data).
    #[autosurgeon(missing = "Default::default")]
    pub alert_rules: AlertRules,
    /// Message templates (payment reminders, answers to frequent questions), keyed by id.
    #[autosurgeon(missing = "Default::default")]
    pub templates: BTreeMap<String, MessageTemplate>,
}

/// The templates a new workspace starts with, so the feature is usable at once; the company
/// edits or deletes them in the settings.
pub fn default_templates() -> BTreeMap<String, MessageTemplate> {
    let template = |language: &str, name: &str, subject: &str, body: &str| MessageTemplate {
        name: name.into(),
        language: language.into(),
        subject: subject.into(),
        body: body.into(),
    };
    [
        (
            "payment-reminder",
            template(
                "en",
                "Payment reminder",
                "Invoice {invoice} is due on {due_date}",
                "Dear {contact},\n\nThis is a reminder that invoice {invoice} for {amount} \
                 is due on {due_date}. If it is already paid, please ignore this \
                 message.\n\nKind regards",
            ),
        ),
        (
            "visit-follow-up",
            template(
                "en",
                "Visit follow-up",
                "Thank you for your time, {partner}",
                "Dear {contact},\n\nThank you for meeting us today. As agreed, we will \
                 follow up on the points we discussed.\n\nKind regards",
            ),
        ),
        (
            "payment-reminder-es",
            template(
                "es",
                "Recordatorio de pago (español)",
                "La factura {invoice} vence el {due_date}",
                "Estimado/a {contact}:\n\nLe recordamos que la factura {invoice} por {amount} \
                 vence el {due_date}. Si ya la ha pagado, no tenga en cuenta este \
                 mensaje.\n\nUn cordial saludo",
            ),
        ),
        (
            "visit-follow-up-es",
            template(
                "es",
                "Seguimiento de visita (español)",
                "Gracias por su tiempo, {partner}",
                "Estimado/a {contact}:\n\nGracias por recibirnos hoy. Tal como acordamos, \
                 haremos el seguimiento de los puntos que tratamos.\n\nUn cordial saludo",
            ),
        ),
        (
            "payment-reminder-eo",
            template(
                "eo",
                "Pagmemorigo (Esperanto)",
                "Fakturo {invoice} estas pagenda je {due_date}",
                "Estimata {contact},\n\nNi memorigas, ke fakturo {invoice} pri {amount} \
                 estas pagenda je {due_date}. Se vi jam pagis ĝin, bonvolu ignori ĉi tiun \
                 mesaĝon.\n\nKorajn salutojn",
            ),
        ),
        (
            "visit-follow-up-eo",
            template(
                "eo",
                "Post vizito (Esperanto)",
                "Dankon pro via tempo, {partner}",
                "Estimata {contact},\n\nDankon, ke vi renkontis nin hodiaŭ. Kiel interkonsentite, \
                 ni daŭrigos pri la punktoj, kiujn ni diskutis.\n\nKorajn salutojn",
            ),
        ),
    ]
    .into_iter()
    .map(|(id, template)| (id.to_owned(), template))
    .collect()
}

/// The fields and documents a partner of one kind must have.
#[derive(Debug, Clone, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct RequiredData {
    pub tax_id: bool,
    pub email: bool,
    pub phone: bool,
    pub address: bool,
    pub contact: bool,
    pub bank_account: bool,
    /// Verification documents this kind of partner must have, verified and in date.
    pub documents: Vec<DocumentKind>,
}

/// Which kinds of partner a custom field or a category is meant for.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize,
)]
pub enum AppliesTo {
    Clients,
    Suppliers,
    #[default]
    Both,
}

/// The type of a custom field: decides how a typed value is checked and stored.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize,
)]
pub enum CustomFieldType {
    #[default]
    Text,
    /// A decimal number, stored with `.` as the decimal separator.
    Number,
    /// An ISO date, `YYYY-MM-DD`.
    Date,
    /// Stored as `yes` or `no`.
    YesNo,
    /// One of the field's `choices`, stored exactly as the choice is spelt.
    Choice,
    Email,
    /// Stored in E.164 form.
    Phone,
    /// Stored in electronic form (upper case, no spaces).
    Iban,
    Url,
}

/// One company-defined field on partner records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct CustomFieldDef {
    pub label: String,
    pub field_type: CustomFieldType,
    /// A partner the field applies to cannot be saved without a value.
    pub required: bool,
    pub applies_to: AppliesTo,
    /// Position on the form: lower first, ties by label.
    pub order: i64,
    /// The allowed values of a [`CustomFieldType::Choice`] field, in display order.
    pub choices: Vec<String>,
    /// Removed from forms and lists, but the values partners already have stay and are still
    /// shown (as an archived field), so removing a field never destroys data.
    pub archived: bool,
}

/// A node of the category tree.
#[derive(Debug, Clone, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Category {
    pub name: String,
    /// The parent category's id; `None` for a top-level category.
    pub parent: Option<String>,
    pub applies_to: AppliesTo,
}

/// An entry of a flat classification list (industries, regions, tags).
#[derive(Debug, Clone, Default, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct Term {
    pub name: String,
}

/// A named payment agreement to pick on the form (e.g. "30 days, bank transfer").
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
pub struct PaymentPreset {
    pub label: String,
    pub days: Option<u32>,
    pub method: PaymentMethod,
}

/// Why a value on a partner has no active field to show it under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrphanReason {
    /// The field was archived.
    Archived,
    /// The field exists but not for this kind of partner (its kind or the field changed).
    NotApplicable,
    /// No field has this id here (deleted elsewhere, or its definition has not synced yet).
    Unknown,
}

/// A custom value a partner holds that no active, applicable field shows: kept, never dropped,
/// and listed on the partner page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrphanedValue {
    pub field_id: String,
    /// The field's label, or its id when the field is unknown.
    pub label: String,
    pub value: String,
    pub reason: OrphanReason,
}

impl Default for WorkspaceSettings {
    fn default() -> Self {
        Self {
            client: RequiredData::default(),
            supplier: RequiredData::default(),
            expiry_warning_days: DEFAULT_EXPIRY_WARNING_DAYS,
            custom_fields: BTreeMap::new(),
            categories: BTreeMap::new(),
            industries: BTreeMap::new(),
            regions: BTreeMap::new(),
            tags: BTreeMap::new(),
            payment_presets: BTreeMap::new(),
            alert_rules: AlertRules::default(),
            templates: default_templates(),
        }
    }
}

impl AppliesTo {
    pub const ALL: [AppliesTo; 3] = [AppliesTo::Clients, AppliesTo::Suppliers, AppliesTo::Both];

    /// Whether a partner of `kind` is concerned: a partner that is both a client and a supplier
    /// gets the fields of either.
    pub fn includes(self, kind: PartnerKind) -> bool {
        match self {
            AppliesTo::Clients => kind.is_client(),
            AppliesTo::Suppliers => kind.is_supplier(),
            AppliesTo::Both => true,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AppliesTo::Clients => "clients",
            AppliesTo::Suppliers => "suppliers",
            AppliesTo::Both => "both",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|applies| applies.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            AppliesTo::Clients => "Clients",
            AppliesTo::Suppliers => "Suppliers",
            AppliesTo::Both => "Clients and suppliers",
        }
    }
}

impl CustomFieldType {
    pub const ALL: [CustomFieldType; 9] = [
        CustomFieldType::Text,
        CustomFieldType::Number,
        CustomFieldType::Date,
        CustomFieldType::YesNo,
        CustomFieldType::Choice,
        CustomFieldType::Email,
        CustomFieldType::Phone,
        CustomFieldType::Iban,
        CustomFieldType::Url,
    ];

    pub fn code(self) -> &'static str {
        match self {
            CustomFieldType::Text => "text",
            CustomFieldType::Number => "number",
            CustomFieldType::Date => "date",
            CustomFieldType::YesNo => "yes_no",
            CustomFieldType::Choice => "choice",
            CustomFieldType::Email => "email",
            CustomFieldType::Phone => "phone",
            CustomFieldType::Iban => "iban",
            CustomFieldType::Url => "url",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            CustomFieldType::Text => "Text",
            CustomFieldType::Number => "Number",
            CustomFieldType::Date => "Date",
            CustomFieldType::YesNo => "Yes / no",
            CustomFieldType::Choice => "Choice from a list",
            CustomFieldType::Email => "Email",
            CustomFieldType::Phone => "Phone",
            CustomFieldType::Iban => "IBAN",
            CustomFieldType::Url => "Web address",
        }
    }
}

impl PaymentPreset {
    /// The payment terms this preset fills in on the form.
    pub fn terms(&self) -> PaymentTerms {
        PaymentTerms {
            days: self.days,
            method: self.method,
        }
    }
}

impl OrphanReason {
    pub fn label(self) -> &'static str {
        match self {
            OrphanReason::Archived => "archived field",
            OrphanReason::NotApplicable => "field not used for this kind of partner",
            OrphanReason::Unknown => "unknown field",
        }
    }
}

impl WorkspaceSettings {
    /// The fields a partner of `kind` fills in, in form order: active, applicable, by `order`
    /// then label.
    pub fn sorted_custom_fields(&self, kind: PartnerKind) -> Vec<(&String, &CustomFieldDef)> {
        let mut fields: Vec<(&String, &CustomFieldDef)> = self
            .custom_fields
            .iter()
            .filter(|(_, def)| !def.archived && def.applies_to.includes(kind))
            .collect();
        fields.sort_by(|(a_id, a), (b_id, b)| {
            (a.order, a.label.to_lowercase(), a_id).cmp(&(b.order, b.label.to_lowercase(), b_id))
        });
        fields
    }

    /// Custom values of `profile` that no active field for its kind shows, in field-id order.
    /// Blank values are not listed: there is nothing to lose.
    pub fn orphaned_custom_values(&self, profile: &PartnerProfile) -> Vec<OrphanedValue> {
        profile
            .custom
            .iter()
            .filter(|(_, value)| !value.trim().is_empty())
            .filter_map(|(id, value)| {
                let (label, reason) = match self.custom_fields.get(id) {
                    None => (id.clone(), OrphanReason::Unknown),
                    Some(def) if def.archived => (def.label.clone(), OrphanReason::Archived),
                    Some(def) if !def.applies_to.includes(profile.kind) => {
                        (def.label.clone(), OrphanReason::NotApplicable)
                    }
                    Some(_) => return None,
                };
                Some(OrphanedValue {
                    field_id: id.clone(),
                    label,
                    value: value.clone(),
                    reason,
                })
            })
            .collect()
    }

    /// Archives a custom field: it leaves forms, its values stay on the partners.
    pub fn archive_custom_field(&mut self, id: &str) -> Result<(), String> {
        let def = self
            .custom_fields
            .get_mut(id)
            .ok_or_else(|| format!("there is no custom field {id}"))?;
        def.archived = true;
        Ok(())
    }

    /// Names of the categories from the top of the tree down to `id` ("Suppliers › Raw
    /// materials › Steel" as a list). Empty for an unknown id; stops at a missing parent or a
    /// cycle (which concurrent moves on two devices can create) instead of looping.
    pub fn category_path(&self, id: &str) -> Vec<String> {
        let mut names = Vec::new();
        let mut seen = BTreeSet::new();
        let mut current = Some(id.to_owned());
        while let Some(id) = current {
            if !seen.insert(id.clone()) {
                break;
            }
            let Some(category) = self.categories.get(&id) else {
                break;
            };
            names.push(category.name.clone());
            current = category.parent.clone();
        }
        names.reverse();
        names
    }

    /// `id` and every category below it, at any depth. Cycle-safe.
    pub fn descendants(&self, id: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::from([id.to_owned()]);
        let mut queue = vec![id.to_owned()];
        while let Some(parent) = queue.pop() {
            for (child, category) in &self.categories {
                if category.parent.as_deref() == Some(parent.as_str())
                    && found.insert(child.clone())
                {
                    queue.push(child.clone());
                }
            }
        }
        found
    }

    /// The direct children of a category (`None`: the top-level categories), by name.
    pub fn child_categories(&self, parent: Option<&str>) -> Vec<(&String, &Category)> {
        let mut children: Vec<(&String, &Category)> = self
            .categories
            .iter()
            .filter(|(_, category)| category.parent.as_deref() == parent)
            .collect();
        children.sort_by_key(|(id, category)| (category.name.to_lowercase(), *id));
        children
    }

    /// Moves a category under `new_parent` (`None`: to the top). Refused when the new parent is
    /// the category itself or one of its descendants, which would cut a branch off the tree.
    pub fn move_category(
        &mut self,
        id: &str,
        new_parent: Option<&str>,
    ) -> Result<(), ChangeRefusal> {
        if !self.categories.contains_key(id) {
            return Err(ChangeRefusal::UnknownCategory { id: id.to_owned() });
        }
        if let Some(parent) = new_parent {
            if !self.categories.contains_key(parent) {
                return Err(ChangeRefusal::UnknownCategory {
                    id: parent.to_owned(),
                });
            }
            if self.descendants(id).contains(parent) {
                return Err(ChangeRefusal::CategoryUnderItself);
            }
        }
        if let Some(category) = self.categories.get_mut(id) {
            category.parent = new_parent.map(str::to_owned);
        }
        Ok(())
    }

    /// The rules a partner of `kind` must satisfy: a partner that is both a client and a
    /// supplier needs everything either kind needs.
    pub fn required_for(&self, kind: PartnerKind) -> RequiredData {
        match kind {
            PartnerKind::Client => self.client.clone(),
            PartnerKind::Supplier => self.supplier.clone(),
            PartnerKind::Both => {
                let (a, b) = (&self.client, &self.supplier);
                let mut documents = a.documents.clone();
                for kind in &b.documents {
                    if !documents.contains(kind) {
                        documents.push(*kind);
                    }
                }
                RequiredData {
                    tax_id: a.tax_id || b.tax_id,
                    email: a.email || b.email,
                    phone: a.phone || b.phone,
                    address: a.address || b.address,
                    contact: a.contact || b.contact,
                    bank_account: a.bank_account || b.bank_account,
                    documents,
                }
            }
        }
    }
}
