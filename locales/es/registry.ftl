# Por qué el registro o el almacenamiento del dispositivo rechazó o no pudo guardar un cambio
# (`RegistryError`, `StoreError`, `ChangeRefusal`; véase locales/en/registry.ftl). Los detalles
# técnicos (lo que dijo el almacenamiento o Automerge, los identificadores) quedan tal cual.

# Almacenamiento y documentos.
registry-storage-failed = El almacenamiento de este dispositivo falló ({ $action }): { $reason }
registry-storage-full = El almacenamiento de este dispositivo está lleno, así que el cambio no se ha guardado. Libera espacio (o concede más a este sitio) y vuelve a intentarlo.
registry-workspace-unreadable = No se puede abrir el documento del espacio de trabajo { $id }: { $reason }
registry-partner-not-found = No hay ningún socio con el identificador { $id } abierto en este dispositivo.
registry-partner-exists = Ya existe un socio con el identificador { $id }.
registry-document = No se pudo actualizar el documento: { $detail }

# Listas de clasificación y categorías.
registry-name-required = El nombre es obligatorio.
registry-term-id-taken = { $list }: el identificador «{ $id }» ya está en uso o está vacío.
registry-term-merged-into-itself = { $list }: un elemento no se puede fusionar consigo mismo.
registry-unknown-term = { $list }: no existe el elemento { $id }.
registry-unknown-category = No existe la categoría { $id }.
registry-category-under-itself = Una categoría no se puede mover dentro de sí misma ni de una de sus subcategorías.
registry-settings-being-fetched = Los ajustes todavía se están descargando del servidor; inténtalo de nuevo en un momento.

# Documentos de este dispositivo, vínculos y fusiones.
registry-no-such-document = No hay ningún documento { $id } en este dispositivo.
registry-workspace-never-synced = El espacio de trabajo nunca se ha sincronizado, así que no hay una versión del servidor a la que volver.
registry-supply-itself = No se puede vincular: un socio no puede ser su propio proveedor.
registry-not-a-client = No se puede vincular: { $name } no es un cliente.
registry-not-a-supplier = No se puede vincular: { $name } no es un proveedor.
registry-partner-merged-into-itself = Un socio no se puede fusionar consigo mismo.
registry-already-merged = { $name } ya se fusionó con otro socio.
registry-no-such-verification-document = El socio no tiene el documento { $row }.

# Historial.
registry-not-a-change = { $hash } no es un cambio.
registry-change-not-in-record = El cambio { $hash } no pertenece a esta ficha.
registry-no-field-given = No se ha indicado ningún campo.
registry-field-not-restorable = { $field } no es un campo que se pueda restaurar.
registry-field-not-in-record = { $field } ya no está en la ficha.
registry-field-cannot-be-restored = No se puede restaurar { $field }: { $detail }

# Portal de socios: propuestas y solicitudes.
registry-proposal-needs-author = Una propuesta necesita el nombre de su autor.
registry-proposal-exists = La propuesta { $id } ya existe.
registry-no-such-proposal = Este socio no tiene ninguna propuesta { $id }.
registry-not-proposed = La propuesta { $proposal } no propone ningún cambio en «{ $field }».
registry-already-decided = El cambio de «{ $field }» de la propuesta { $proposal } ya fue { $decision ->
    [accepted] aceptado
   *[rejected] rechazado
    } por { $by }.
registry-already-decided-anonymous = El cambio de «{ $field }» de la propuesta { $proposal } ya fue { $decision ->
    [accepted] aceptado
   *[rejected] rechazado
    }.
registry-request-needs-text = Di qué estás pidiendo.
registry-request-exists = La solicitud { $id } ya existe.
registry-answer-needs-content = Escribe una respuesta o adjunta un archivo.
registry-no-such-request = No existe la solicitud { $id }.
registry-request-closed = La solicitud { $id } está cerrada y no admite más respuestas.
