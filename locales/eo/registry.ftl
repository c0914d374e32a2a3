# Kial la registro aŭ la konservejo de la aparato rifuzis aŭ ne sukcesis konservi ŝanĝon
# (`RegistryError`, `StoreError`, `ChangeRefusal`; vidu locales/en/registry.ftl). Teknikaj
# detaloj (kion diris la konservejo aŭ Automerge, identigiloj) restas kiel ili estas.

# Konservejo kaj dokumentoj.
registry-storage-failed = La konservejo de ĉi tiu aparato malsukcesis ({ $action }): { $reason }
registry-storage-full = La konservejo de ĉi tiu aparato estas plena, do la ŝanĝo ne estis konservita. Liberigu iom da spaco (aŭ permesu pli al ĉi tiu retejo) kaj reprovu.
registry-workspace-unreadable = La dokumento de la laborspaco { $id } ne malfermeblas: { $reason }
registry-partner-not-found = Neniu partnero kun la identigilo { $id } estas malfermita en ĉi tiu aparato.
registry-partner-exists = Partnero kun la identigilo { $id } jam ekzistas.
registry-document = Ne eblis ĝisdatigi la dokumenton: { $detail }

# Klasifikaj listoj kaj kategorioj.
registry-name-required = Nomo estas deviga.
registry-term-id-taken = { $list }: la identigilo “{ $id }” estas jam uzata aŭ malplena.
registry-term-merged-into-itself = { $list }: ero ne povas esti kunfandita en sin mem.
registry-unknown-term = { $list }: ne ekzistas la ero { $id }.
registry-unknown-category = Ne ekzistas la kategorio { $id }.
registry-category-under-itself = Kategorio ne povas esti movita sub sin mem aŭ sub unu el siaj subkategorioj.
registry-settings-being-fetched = La agordoj ankoraŭ estas elŝutataj de la servilo; reprovu post momento.

# Dokumentoj de ĉi tiu aparato, ligoj kaj kunfandoj.
registry-no-such-document = Ne estas dokumento { $id } en ĉi tiu aparato.
registry-workspace-never-synced = La laborspaco neniam estis sinkronigita, do ne ekzistas versio de la servilo al kiu reveni.
registry-supply-itself = Ne eblas ligi: partnero ne povas esti sia propra provizanto.
registry-not-a-client = Ne eblas ligi: { $name } ne estas kliento.
registry-not-a-supplier = Ne eblas ligi: { $name } ne estas provizanto.
registry-partner-merged-into-itself = Partnero ne povas esti kunfandita en sin mem.
registry-already-merged = { $name } jam estis kunfandita en alian partneron.
registry-no-such-verification-document = La partnero ne havas la dokumenton { $row }.

# Historio.
registry-not-a-change = { $hash } ne estas ŝanĝo.
registry-change-not-in-record = La ŝanĝo { $hash } ne apartenas al ĉi tiu slipo.
registry-no-field-given = Neniu kampo estis indikita.
registry-field-not-restorable = { $field } ne estas restaŭrebla kampo.
registry-field-not-in-record = { $field } ne plu estas en la slipo.
registry-field-cannot-be-restored = Ne eblas restaŭri { $field }: { $detail }

# Partnera portalo: proponoj kaj petoj.
registry-proposal-needs-author = Propono bezonas la nomon de sia aŭtoro.
registry-proposal-exists = La propono { $id } jam ekzistas.
registry-no-such-proposal = Ĉi tiu partnero ne havas la proponon { $id }.
registry-not-proposed = La propono { $proposal } proponas neniun ŝanĝon al “{ $field }”.
registry-already-decided = La ŝanĝo de “{ $field }” de la propono { $proposal } jam estis { $decision ->
    [accepted] akceptita
   *[rejected] malakceptita
    } de { $by }.
registry-already-decided-anonymous = La ŝanĝo de “{ $field }” de la propono { $proposal } jam estis { $decision ->
    [accepted] akceptita
   *[rejected] malakceptita
    }.
registry-request-needs-text = Diru, kion vi petas.
registry-request-exists = La peto { $id } jam ekzistas.
registry-answer-needs-content = Skribu respondon aŭ aldonu dosieron.
registry-no-such-request = Ne ekzistas la peto { $id }.
registry-request-closed = La peto { $id } estas fermita kaj akceptas neniujn pliajn respondojn.
