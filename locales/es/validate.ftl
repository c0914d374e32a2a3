# Los errores de validación de Partnero en español (src/validate, los formularios de finanzas de
# src/model/finance.rs y el marco de las filas importadas de src/report/partner_import.rs). Una
# variable cuyo valor es `@` y una clave es ese mensaje, traducido antes (véase `FieldError` en
# src/validate/mod.rs): `$problem` es lo que falla en el valor dentro del marco de un campo.

## El formulario de socios (src/validate/mod.rs)
validate-kind-choose = Tipo: elige cliente, proveedor o ambos
validate-legal-name-required = La razón social es obligatoria
validate-tax-country-code = País de la identificación fiscal: usa un código de país de dos letras, como ES
validate-tax-country-required = El país de la identificación fiscal es obligatorio si se indica un número
validate-tax-id = Identificación fiscal: { $problem }
validate-address-kind = Dirección { $index }: elige facturación, envío u otra
validate-address-city-required = Dirección { $index }: la ciudad es obligatoria
validate-address-country-required = Dirección { $index }: el país es obligatorio
validate-address-country-code = Dirección { $index }: el país debe ser un código de dos letras, como ES
validate-address-postal-code = Dirección { $index }: código postal: { $problem }
validate-contact-name-required = Contacto { $index }: el nombre es obligatorio
validate-contact-email = Contacto { $index }: correo electrónico: { $problem }
validate-contact-phone = Contacto { $index }: teléfono: { $problem }
validate-emails-line = Correo electrónico { $index } ({ $typed }): { $problem }
validate-phones-line = Teléfono { $index } ({ $typed }): { $problem }
validate-website = Sitio web: { $problem }
validate-payment-days = El plazo de pago debe ser un número entero de días entre 0 y { $max }
validate-payment-method = Forma de pago: elige una de la lista
validate-bank-iban-required = Cuenta bancaria { $index }: el IBAN es obligatorio
validate-bank-iban = Cuenta bancaria { $index }: IBAN: { $problem }
validate-bank-bic = Cuenta bancaria { $index }: BIC: { $problem }

## Lo que el espacio de trabajo exige a un tipo de socio (Ajustes)
validate-required-tax-id = { $kind ->
        [client] Los clientes deben
        [supplier] Los proveedores deben
       *[both] Los clientes y los proveedores deben
    } tener un número de identificación fiscal en este espacio de trabajo (ver Ajustes)
validate-required-email = { $kind ->
        [client] Los clientes deben
        [supplier] Los proveedores deben
       *[both] Los clientes y los proveedores deben
    } tener un correo electrónico en este espacio de trabajo (ver Ajustes)
validate-required-phone = { $kind ->
        [client] Los clientes deben
        [supplier] Los proveedores deben
       *[both] Los clientes y los proveedores deben
    } tener un número de teléfono en este espacio de trabajo (ver Ajustes)
validate-required-address = { $kind ->
        [client] Los clientes deben
        [supplier] Los proveedores deben
       *[both] Los clientes y los proveedores deben
    } tener una dirección en este espacio de trabajo (ver Ajustes)
validate-required-contact = { $kind ->
        [client] Los clientes deben
        [supplier] Los proveedores deben
       *[both] Los clientes y los proveedores deben
    } tener un contacto en este espacio de trabajo (ver Ajustes)
validate-required-bank-account = { $kind ->
        [client] Los clientes deben
        [supplier] Los proveedores deben
       *[both] Los clientes y los proveedores deben
    } tener una cuenta bancaria en este espacio de trabajo (ver Ajustes)
validate-term-unknown = { $list ->
        [categories] Categorías
        [industries] Sectores
        [regions] Regiones
       *[tags] Etiquetas
    }: { $id } no está en la lista del espacio de trabajo (ver Ajustes)

## Campos propios (src/validate/custom.rs); $label es el nombre del campo tal como lo escribió el espacio de trabajo
validate-custom-required = { $label }: este campo es obligatorio
validate-custom-number = { $label }: escribe un número
validate-custom-date = { $label }: escribe una fecha como AAAA-MM-DD
validate-custom-yes-no = { $label }: responde sí o no
validate-custom-no-choices = { $label }: este campo aún no tiene opciones (ver Ajustes)
validate-custom-choose = { $label }: elige una de estas opciones: { $choices }
validate-custom-value = { $label }: { $problem }

## Identificaciones fiscales (src/validate/tax_id.rs)
validate-tax-id-empty = la identificación fiscal está vacía
validate-tax-id-no-country = elige el país que emitió la identificación fiscal
validate-tax-id-unknown-country = no hay ninguna regla de identificación fiscal para el país { $country }
validate-tax-id-format = { $expected }
validate-tax-format-es-dni = un NIF español (DNI) tiene 8 cifras y una letra de control, p. ej., 12345678Z
validate-tax-format-es-nie = un NIE español tiene X, Y o Z, 7 cifras y una letra de control, p. ej., X2482300W
validate-tax-format-es-klm = un NIF español de personas sin DNI tiene K, L o M, 7 cifras y una letra de control, p. ej., M1234567L
validate-tax-format-es-cif = un CIF español tiene una letra, 7 cifras y un carácter de control, p. ej., B12345674
validate-tax-format-es = una identificación fiscal española es un NIF (8 cifras y una letra, p. ej., 12345678Z), un NIE (X, Y o Z, 7 cifras y una letra) o un CIF (una letra, 7 cifras y un carácter de control, p. ej., B12345674)
validate-tax-format-us = un EIN estadounidense tiene 9 cifras, escritas NN-NNNNNNN, p. ej., 04-2103594
validate-tax-format-mx = un RFC mexicano tiene 3 letras (empresas) o 4 letras (personas), una fecha AAMMDD y 3 caracteres, p. ej., MAB9307148T4 o GODE561231GR8
validate-tax-format-ar = un CUIT argentino tiene 11 cifras, escritas NN-NNNNNNNN-N, p. ej., 20-26756539-3
validate-tax-format-br = un CNPJ brasileño tiene 14 caracteres (p. ej., 16.727.230/0001-97) y un CPF, 11 cifras (p. ej., 390.533.447-05)
validate-tax-format-cl = un RUT chileno tiene 7 u 8 cifras y un dígito de control o una K, p. ej., 76.086.428-5
validate-tax-format-co = un NIT colombiano tiene de 7 a 15 cifras y un dígito de control, p. ej., 890.903.938-8
validate-tax-format-at = un número de IVA austriaco (UID) es una U y 8 cifras, p. ej., ATU13585627
validate-tax-format-be = un número de IVA belga (número de empresa) tiene 10 cifras y empieza por 0 o 1, p. ej., BE0403019261
validate-tax-format-bg = un número de IVA búlgaro tiene 9 cifras (personas jurídicas) o 10 cifras (personas físicas), p. ej., BG175074752
validate-tax-format-cy = un número de IVA chipriota tiene 8 cifras y una letra de control, p. ej., CY10259033P
validate-tax-format-cz = un número de IVA checo (DIČ) tiene 8 cifras (personas jurídicas) o de 9 a 10 cifras (personas físicas, su número de nacimiento), p. ej., CZ25123891
validate-tax-format-de = un número de IVA alemán (USt-IdNr.) tiene 9 cifras y no empieza por 0, p. ej., DE136695976
validate-tax-format-dk = un número de IVA danés (CVR) tiene 8 cifras y no empieza por 0, p. ej., DK13585628
validate-tax-format-ee = un número de IVA estonio (KMKR) tiene 9 cifras, p. ej., EE100931558
validate-tax-format-gr = un número de IVA griego (ΑΦΜ) tiene 9 cifras, p. ej., EL094259216
validate-tax-format-fi = un número de IVA finlandés (ALV) tiene 8 cifras, el Business ID sin su guion, p. ej., FI20774740
validate-tax-format-fr = un número de IVA francés (n° TVA) tiene una clave de 2 caracteres y el SIREN de 9 cifras, p. ej., FR40303265045
validate-tax-format-hr = un número de IVA croata (OIB) tiene 11 cifras, p. ej., HR33392005961
validate-tax-format-hu = un número de IVA húngaro (ANUM) tiene 8 cifras, p. ej., HU12892312
validate-tax-format-ie = un número de IVA irlandés tiene 7 cifras y 1 o 2 letras (p. ej., IE6433435F o IE3628739UA) o, en el formato antiguo, una cifra, una letra, 5 cifras y una letra (p. ej., IE8D79739I)
validate-tax-format-it = un número de IVA italiano (partita IVA) tiene 11 cifras, p. ej., IT00743110157
validate-tax-format-lt = un número de IVA lituano (PVM) tiene 9 cifras con un 1 en octava posición, o 12 cifras con un 1 en undécima posición, p. ej., LT119511515
validate-tax-format-lu = un número de IVA luxemburgués tiene 8 cifras, p. ej., LU15027442
validate-tax-format-lv = un número de IVA letón (PVN) tiene 11 cifras, p. ej., LV40003521600
validate-tax-format-mt = un número de IVA maltés tiene 8 cifras y no empieza por 0, p. ej., MT11679112
validate-tax-format-nl = un número de IVA neerlandés tiene 9 cifras, una B y 2 cifras, p. ej., NL004495445B01
validate-tax-format-pl = un número de IVA polaco (NIP) tiene 10 cifras, p. ej., PL8567346215
validate-tax-format-pt = un número de IVA portugués (NIF) tiene 9 cifras y no empieza por 0, p. ej., PT501964843
validate-tax-format-ro = un número de IVA rumano tiene de 2 a 10 cifras (CUI, p. ej., RO18547290) o 13 cifras (el CNP de una persona)
validate-tax-format-se = un número de IVA sueco tiene 12 cifras, el número de organización de 10 cifras y 01, p. ej., SE556012579001
validate-tax-format-si = un número de IVA esloveno (ID za DDV) tiene 8 cifras y no empieza por 0, p. ej., SI50223054
validate-tax-format-sk = un número de IVA eslovaco (IČ DPH) tiene 10 cifras, p. ej., SK2022749619
validate-tax-format-gb = un número de IVA británico tiene 9 cifras (12 con sucursal), p. ej., GB980780684, o GD/HA y 3 cifras; un UTR tiene 10 cifras
validate-tax-format-ch = un UID suizo es CHE y 9 cifras, p. ej., CHE-100.155.212
validate-tax-format-no = un número de organización noruego tiene 9 cifras, p. ej., 988 077 917 (o NO988077917MVA)
validate-tax-id-check = { $part ->
        [digits] los dígitos de control del { $name } son incorrectos
        [letter] la letra de control del { $name } es incorrecta
        [control] el carácter de control del { $name } es incorrecto
        [key] la clave del { $name } es incorrecta
        [first-digit] el dígito de control (el primero) del { $name } es incorrecto
       *[digit] el dígito de control del { $name } es incorrecto
    }
validate-tax-id-check-expected = { $part ->
        [digits] los dígitos de control del { $name } son incorrectos (se esperaba { $expected })
        [letter] la letra de control del { $name } es incorrecta (se esperaba { $expected })
        [control] el carácter de control del { $name } es incorrecto (se esperaba { $expected })
        [key] la clave del { $name } es incorrecta (se esperaba { $expected })
        [first-digit] el dígito de control (el primero) del { $name } es incorrecto (se esperaba { $expected })
       *[digit] el dígito de control del { $name } es incorrecto (se esperaba { $expected })
    }
validate-tax-id-check-either = { $part ->
        [digits] los dígitos de control del { $name } son incorrectos (se esperaba { $expected } o { $alternative })
        [letter] la letra de control del { $name } es incorrecta (se esperaba { $expected } o { $alternative })
        [control] el carácter de control del { $name } es incorrecto (se esperaba { $expected } o { $alternative })
        [key] la clave del { $name } es incorrecta (se esperaba { $expected } o { $alternative })
        [first-digit] el dígito de control (el primero) del { $name } es incorrecto (se esperaba { $expected } o { $alternative })
       *[digit] el dígito de control del { $name } es incorrecto (se esperaba { $expected } o { $alternative })
    }
validate-tax-id-invalid = esto no es un { $name } válido: { $reason }
validate-tax-invalid-us-prefix = esto no es un EIN estadounidense válido: el IRS no asigna el prefijo { $prefix }
validate-tax-invalid-mx-start = esto no es un RFC mexicano válido: el SAT nunca emite un RFC que empiece por { $start }
validate-tax-invalid-mx-date = esto no es un RFC mexicano válido: la fecha que contiene no existe
validate-tax-invalid-mx-homoclave = esto no es un RFC mexicano válido: la homoclave (los 3 últimos caracteres) no puede existir
validate-tax-invalid-ar-type = esto no es un CUIT argentino válido: { $type } no es un tipo de CUIT
validate-tax-invalid-br-cnpj-same = esto no es un CNPJ brasileño válido: todas sus cifras son iguales
validate-tax-invalid-br-cpf-same = esto no es un CPF brasileño válido: todas sus cifras son iguales
validate-tax-invalid-cy-12 = esto no es un número de IVA chipriota válido: ningún número empieza por 12
validate-tax-invalid-cz-9 = esto no es un número de IVA checo válido: ningún número de 8 cifras empieza por 9
validate-tax-invalid-cz-birth-1953 = esto no es un número de nacimiento checo válido: los números de 9 cifras solo se emitieron hasta 1953
validate-tax-invalid-sk-birth-1953 = esto no es un número de nacimiento eslovaco válido: los números de 9 cifras solo se emitieron hasta 1953
validate-tax-invalid-cz-birth-date = esto no es un número de nacimiento checo válido: la fecha de nacimiento que contiene no existe
validate-tax-invalid-sk-birth-date = esto no es un número de nacimiento eslovaco válido: la fecha de nacimiento que contiene no existe
validate-tax-invalid-lv-date = esto no es un código personal letón válido: la fecha de nacimiento que contiene no existe
validate-tax-invalid-ro-date = esto no es un código personal rumano (CNP) válido: la fecha de nacimiento que contiene no existe
validate-tax-invalid-ro-zero = esto no es un código personal rumano (CNP) válido: no puede empezar por 0
validate-tax-invalid-it-zeros = esto no es un número de IVA italiano válido: el número de empresa que contiene es todo ceros
validate-tax-invalid-it-office = esto no es un número de IVA italiano válido: { $office } no es un código de oficina
validate-tax-invalid-gb-gd-ha = esto no es un número de IVA británico válido: los números GD van del 000 al 499 y los HA, del 500 al 999

## Nombres de identificaciones fiscales en los mensajes de dígitos de control ($name, tras «del»)
validate-tax-name-at = número de IVA austriaco
validate-tax-name-be = número de IVA belga
validate-tax-name-bg = número de IVA búlgaro
validate-tax-name-cy = número de IVA chipriota
validate-tax-name-cz = número de IVA checo
validate-tax-name-cz-birth = número de nacimiento checo
validate-tax-name-de = número de IVA alemán
validate-tax-name-dk = número de IVA danés
validate-tax-name-ee = número de IVA estonio
validate-tax-name-gr = número de IVA griego
validate-tax-name-fi = número de IVA finlandés
validate-tax-name-fr = número de IVA francés
validate-tax-name-hr = número de IVA croata (OIB)
validate-tax-name-hu = número de IVA húngaro
validate-tax-name-ie = número de IVA irlandés
validate-tax-name-it = número de IVA italiano
validate-tax-name-lt = número de IVA lituano
validate-tax-name-lu = número de IVA luxemburgués
validate-tax-name-lv = número de IVA letón
validate-tax-name-mt = número de IVA maltés
validate-tax-name-nl = número de IVA neerlandés
validate-tax-name-pl = número de IVA polaco
validate-tax-name-pt = número de IVA portugués
validate-tax-name-ro = número de IVA rumano (CUI)
validate-tax-name-ro-cnp = CNP rumano
validate-tax-name-se = número de IVA sueco
validate-tax-name-si = número de IVA esloveno
validate-tax-name-sk = número de IVA eslovaco
validate-tax-name-sk-birth = número de nacimiento eslovaco
validate-tax-name-gb = número de IVA británico
validate-tax-name-ch = UID suizo
validate-tax-name-no = número de organización noruego

## Direcciones de correo y sitios web (src/validate/formats/contact.rs)
validate-email-empty = la dirección de correo está vacía
validate-email-angle-brackets = escribe solo la dirección, sin nombre ni corchetes angulares
validate-email-spaces = una dirección de correo no tiene espacios
validate-email-domain-dot = el dominio tras la @ necesita un punto, como example.com
validate-email-domain-character = el dominio tras la @ contiene { $character }, que no está permitido ahí
validate-email-no-at = una dirección de correo necesita una @ entre el nombre y el dominio
validate-email-no-name = una dirección de correo necesita un nombre antes de la @
validate-email-name-too-long = la parte anterior a la @ tiene más de 64 caracteres
validate-email-no-domain = una dirección de correo necesita un dominio tras la @, como example.com
validate-email-domain-too-long = el dominio tras la @ tiene más de 254 caracteres
validate-email-domain-dots = el dominio tras la @ tiene dos puntos seguidos, o un punto al principio o al final
validate-email-domain-part-too-long = una parte del dominio tiene más de 63 caracteres
validate-email-quotes = las comillas de la dirección de correo no están equilibradas
validate-email-domain-ip = el dominio tras la @ debe ser un nombre, no una dirección IP
validate-email-character = la dirección de correo contiene un carácter que no está permitido ahí
validate-url-empty = la dirección web está vacía
validate-url-spaces = una dirección web no tiene espacios
validate-url-control = la dirección web contiene un carácter de control
validate-url-too-long = una dirección web tiene como máximo { $max } caracteres (hay { $got })
validate-url-scheme = solo se aceptan direcciones web http:// y https:// (se escribió { $scheme })
validate-url-user = no se acepta una dirección web con nombre de usuario o contraseña (@)
validate-url-port = el puerto tras los dos puntos debe ser un número del 1 al 65535 (se escribió { $port })
validate-url-no-domain = la dirección web no tiene dominio, como example.com
validate-url-domain-dot = el dominio { $host } necesita un punto, como example.com
validate-url-domain-dots = el dominio { $host } tiene dos puntos seguidos, o un punto al principio o al final
validate-url-domain-part-too-long = una parte del dominio { $host } tiene más de 63 caracteres
validate-url-domain-character = el dominio { $host } contiene { $character }, que no está permitido en un dominio
validate-url-domain-hyphen = una parte del dominio { $host } empieza o termina con un guion
validate-url-domain-number = el dominio { $host } debe terminar en un nombre como .com, no en un número

## IBAN y BIC (src/validate/formats/bank.rs); $country es el nombre del país y su código
## (validate-country-label, abajo) o, si el código no es de ningún país, el código entre comillas
validate-iban-empty = el IBAN está vacío
validate-iban-characters = un IBAN solo tiene letras y cifras (se encontró { $character })
validate-iban-country = un IBAN empieza con un código de país de dos letras, como ES
validate-iban-check-position = un IBAN tiene dos dígitos de control tras el código de país
validate-iban-not-used = { $country } no usa IBAN (no está en el registro IBAN)
validate-iban-length = un IBAN de { $country } tiene { $length } caracteres (hay { $got })
validate-iban-checksum = los dígitos de control del IBAN no coinciden: probablemente hay un carácter mal escrito
validate-iban-account = el número de cuenta no sigue el formato IBAN de { $country }
validate-iban-invalid = esto no es un IBAN válido
validate-bic-empty = el BIC está vacío
validate-bic-characters = un BIC solo tiene letras y cifras (se encontró { $character })
validate-bic-length = un BIC tiene 8 u 11 caracteres (hay { $got })
validate-bic-bank = un BIC empieza con cuatro letras que indican el banco (se escribió { $bank })
validate-bic-country = los caracteres 5 y 6 de un BIC son un código de país, y { $country } no lo es

## Un país nombrado como en «España (ES)» (src/validate/formats/codes.rs): $country_name es su
## nombre (country-<código>, countries.ftl), $country_code su código; sin artículo, así que la
## selección (la del inglés, que antepone «the» a algunos nombres) tiene una sola variante
validate-country-label = { $country_code ->
       *[other] { $country_name }
    } ({ $country_code })

## Números de teléfono (src/validate/formats/phone.rs)
validate-phone-empty = el número de teléfono está vacío
validate-phone-characters = un número de teléfono solo tiene cifras, espacios, puntos, guiones, paréntesis y un + inicial (se encontró { $character })
validate-phone-no-digits = un número de teléfono necesita cifras
validate-phone-code-zero = el prefijo internacional tras el + no puede empezar por 0
validate-phone-international-length = un número internacional tiene de { $min } a { $max } cifras contando el prefijo del país (hay { $got })
validate-phone-prefix-needed = empieza el número con + y el prefijo del país, como +34 para España
validate-phone-prefix-needed-country = empieza el número con + y el prefijo del país (los números de { $country } no se reconocen sin él)
validate-phone-length = { $plan } tiene { $digits } cifras tras el +{ $code } (hay { $got })
validate-phone-length-range = { $plan } tiene de { $min } a { $max } cifras tras el +{ $code } (hay { $got })
validate-phone-nanp = en un número norteamericano, el código de área y las tres cifras siguientes empiezan por una cifra del 2 al 9
validate-phone-plan-es = un número español
validate-phone-plan-pt = un número portugués
validate-phone-plan-fr = un número francés
validate-phone-plan-de = un número alemán
validate-phone-plan-it = un número italiano
validate-phone-plan-gb = un número británico
validate-phone-plan-ie = un número irlandés
validate-phone-plan-nl = un número neerlandés
validate-phone-plan-be = un número belga
validate-phone-plan-lu = un número luxemburgués
validate-phone-plan-at = un número austriaco
validate-phone-plan-ch = un número suizo
validate-phone-plan-no = un número noruego
validate-phone-plan-se = un número sueco
validate-phone-plan-dk = un número danés
validate-phone-plan-fi = un número finlandés
validate-phone-plan-pl = un número polaco
validate-phone-plan-cz = un número checo
validate-phone-plan-sk = un número eslovaco
validate-phone-plan-hu = un número húngaro
validate-phone-plan-ro = un número rumano
validate-phone-plan-bg = un número búlgaro
validate-phone-plan-gr = un número griego
validate-phone-plan-hr = un número croata
validate-phone-plan-si = un número esloveno
validate-phone-plan-ee = un número estonio
validate-phone-plan-lv = un número letón
validate-phone-plan-lt = un número lituano
validate-phone-plan-cy = un número chipriota
validate-phone-plan-mt = un número maltés
validate-phone-plan-nanp = un número norteamericano
validate-phone-plan-mx = un número mexicano
validate-phone-plan-ar = un número argentino
validate-phone-plan-br = un número brasileño
validate-phone-plan-cl = un número chileno
validate-phone-plan-co = un número colombiano

## Códigos postales (src/validate/formats/postal.rs)
validate-postal-empty = el código postal está vacío
validate-postal-too-long = un código postal tiene como máximo { $max } caracteres (hay { $got })
validate-postal-shape = en { $country }, un código postal tiene la forma { $example }
validate-postal-shape-either = en { $country }, un código postal tiene la forma { $example } o { $alternative }
validate-postal-es-province = los códigos postales de España empiezan por un número de provincia del 01 al 52 (se escribió { $province })
validate-postal-nl-start = los códigos postales de los Países Bajos empiezan en el 1000
validate-postal-nl-letters = { $letters } no se usa como par de letras en los códigos postales neerlandeses
validate-postal-start-1000 = en { $country }, los códigos postales empiezan en el 1000
validate-postal-ca-letters = los códigos postales canadienses nunca usan las letras D, F, I, O, Q ni U
validate-postal-ca-start = los códigos postales canadienses nunca empiezan por W ni Z
validate-postal-gb-unit = las dos últimas letras de un código postal británico nunca incluyen C, I, K, M, O ni V (se escribió { $unit })
validate-postal-ie-routing = { $routing } no es una clave de ruta de Eircode
validate-postal-ie-letter = los Eircodes nunca usan la letra { $letter }

## Los países en los mensajes de códigos postales ($country, tras «en»)
validate-postal-country-es = España
validate-postal-country-pt = Portugal
validate-postal-country-fr = Francia
validate-postal-country-de = Alemania
validate-postal-country-it = Italia
validate-postal-country-gb = el Reino Unido
validate-postal-country-ie = Irlanda
validate-postal-country-nl = los Países Bajos
validate-postal-country-be = Bélgica
validate-postal-country-lu = Luxemburgo
validate-postal-country-at = Austria
validate-postal-country-ch = Suiza
validate-postal-country-no = Noruega
validate-postal-country-se = Suecia
validate-postal-country-dk = Dinamarca
validate-postal-country-fi = Finlandia
validate-postal-country-pl = Polonia
validate-postal-country-cz = Chequia
validate-postal-country-sk = Eslovaquia
validate-postal-country-hu = Hungría
validate-postal-country-ro = Rumanía
validate-postal-country-bg = Bulgaria
validate-postal-country-gr = Grecia
validate-postal-country-hr = Croacia
validate-postal-country-si = Eslovenia
validate-postal-country-ee = Estonia
validate-postal-country-lv = Letonia
validate-postal-country-lt = Lituania
validate-postal-country-cy = Chipre
validate-postal-country-mt = Malta
validate-postal-country-us = los Estados Unidos
validate-postal-country-ca = Canadá
validate-postal-country-mx = México
validate-postal-country-ar = Argentina
validate-postal-country-br = Brasil
validate-postal-country-cl = Chile
validate-postal-country-co = Colombia

## Facturas, pagos y pedidos de compra (src/model/finance.rs)
validate-invoice-direction = Sentido: elige emitida o recibida
validate-invoice-number-required = El número de factura es obligatorio
validate-date-required = { $date ->
        [issue] La fecha de emisión
        [due] La fecha de vencimiento
        [payment] La fecha de pago
       *[order] La fecha del pedido
    } es obligatoria
validate-date-invalid = { $date ->
        [issue] Fecha de emisión
        [due] Fecha de vencimiento
        [payment] Fecha de pago
       *[order] Fecha del pedido
    }: escribe una fecha real como AAAA-MM-DD
validate-due-before-issue = La fecha de vencimiento no puede ser anterior a la de emisión
validate-currency-required = La moneda es obligatoria
validate-currency-unknown = Moneda: { $code } no es un código de moneda ISO 4217 como EUR
validate-amount-required = El importe es obligatorio
validate-amount-zero = Importe: escribe un importe mayor que cero
validate-amount = Importe: { $problem }
validate-allocation-amount-required = Asignación { $index }: el importe es obligatorio
validate-allocation-amount-zero = Asignación { $index }: escribe un importe mayor que cero
validate-allocation-amount = Asignación { $index }: { $problem }
validate-amount-currency = { $currency } no es un código de moneda ISO 4217
validate-amount-empty = escribe un importe
validate-amount-negative = escribe un importe positivo
validate-amount-not-number = escribe un número como 1234,56
validate-amount-separators = usa un solo separador decimal
validate-amount-fraction-empty = escribe cifras tras el separador decimal
validate-amount-decimals = { $decimals ->
        [0] los importes en { $currency } no tienen decimales
        [one] los importes en { $currency } tienen como máximo 1 decimal
       *[other] los importes en { $currency } tienen como máximo { $decimals } decimales
    }
validate-amount-groups = los millares van en grupos de tres cifras, p. ej., 1.234.567,89
validate-amount-too-large = el importe es demasiado grande
validate-payment-method-choose = Forma de pago: elige una de la lista
validate-allocation-invoice = Asignación { $index }: elige una factura de este socio
validate-allocation-cancelled = Asignación { $index }: la factura { $invoice } está anulada
validate-allocation-twice = Asignación { $index }: la factura { $invoice } está asignada dos veces; usa una fila por factura
validate-allocation-direction = Asignación { $index }: factura { $invoice }: un mismo pago no puede saldar facturas emitidas y recibidas
validate-allocation-currency = Asignación { $index }: la factura { $invoice } está en { $invoice_currency } y el pago, en { $currency }
validate-allocation-over-open = Asignación { $index }: { $amount } { $currency } es más que los { $open } { $currency } pendientes de la factura { $invoice }
validate-allocations-over = Asignaciones: lo asignado, { $allocated } { $currency }, supera el pago de { $amount } { $currency }
validate-order-number-required = El número de pedido es obligatorio
validate-order-status = Estado: elige borrador, enviado, recibido o cancelado

## Importar socios (src/report/partner_import.rs); $error es el problema de la fila
validate-import-row = { $row ->
        [partner] Socio
       *[line] Línea
    } { $line }: { $error }
validate-import-row-column = { $row ->
        [partner] Socio
       *[line] Línea
    } { $line }, columna «{ $column }»: { $error }
validate-import-field-count = se esperaban { $expected } campos, como en la cabecera (línea { $header }), y hay { $found }
validate-import-quote-unclosed = un campo entre comillas no se cierra nunca; añade las comillas de cierre (") o quita las de apertura
validate-import-quote-text-after = hay texto tras las comillas de cierre de un campo (o unas comillas no se cierran nunca); pon todo el campo entre comillas y duplica las comillas que contenga
validate-import-kind = tipo desconocido { $value }; usa cliente, proveedor o ambos
validate-import-flag = { $value } no es ni sí ni no (usa 1/0, true/false, sí/no)
validate-import-payment-method = forma de pago desconocida { $value }; usa transferencia, domiciliación, tarjeta, efectivo o cheque, o deja la celda vacía
validate-import-not-object = no es un objeto de socio: { $reason }
