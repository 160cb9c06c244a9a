import AccueilCore
import HTML

/// The information notice (GDPR art. 13–14, Annexe 1 §7) in plain French, for the people received and
/// anyone else; public. The retention periods shown are the ones in force, read from the settings.
enum PrivacyNoticePage {
    static func render(_ settings: RetentionSettings) -> HTML {
        func months(_ category: RetentionCategory) -> String {
            let value = settings[category]
            return value % 12 == 0 ? "\(value / 12) an\(value >= 24 ? "s" : "")" : "\(value) mois"
        }
        return """
            <h1>Vos données personnelles</h1>
            <p class="lead">Quand vous êtes reçu(e) à l'accueil du CCAS de Bordeaux ou d'une Maison du Département des Solidarités (MDS),
            nous notons quelques informations sur vous pour bien vous orienter. Voici lesquelles, pourquoi, et ce que vous pouvez demander.</p>

            <h2>Qui est responsable ?</h2>
            <p>Le <strong>CCAS de Bordeaux</strong> (Cité Municipale, 4 rue Claude Bonnier, 33000 Bordeaux) et le
            <strong>Département de la Gironde</strong> (ses Maisons du Département des Solidarités) utilisent ensemble cet outil, l'« Accueil commun ».
            Ils sont responsables conjoints : vous pouvez vous adresser à l'un ou à l'autre, il transmet votre demande à son partenaire.</p>

            <h2>Pourquoi ?</h2>
            <p>Uniquement pour vous accueillir, vous informer et vous orienter vers le bon service (CCAS ou MDS, et si besoin un partenaire),
            prendre un rendez-vous avec votre accord, et vérifier ensuite que le rendez-vous a eu lieu, pour que vous ne soyez pas renvoyé(e)
            d'un service à l'autre. C'est une mission de service public (action sociale). Les chiffres d'activité sont établis sans votre nom.</p>

            <h2>Quelles informations ?</h2>
            <ul>
            <li>votre nom, prénom, date de naissance et téléphone ;</li>
            <li>la composition de votre foyer (enfants, grossesse), votre secteur d'habitation, le motif de votre demande ;</li>
            <li>vos besoins d'interprète ou d'accessibilité, si vous en parlez ;</li>
            <li>les orientations et rendez-vous proposés, et si vous avez pu vous y rendre ;</li>
            <li>si vous rencontrez un travailleur social, ses notes d'évaluation.</li>
            </ul>

            <h2>Qui les voit ?</h2>
            <p>Les agents d'accueil et les travailleurs sociaux du CCAS et du Département, chacun pour ce dont il a besoin. Les notes d'un
            travailleur social ne sont lues que par les travailleurs sociaux de son institution. Le service vers lequel vous êtes orienté(e)
            reçoit les premiers éléments seulement si vous l'acceptez. Rien n'est vendu ni transmis à d'autres organismes.
            Chaque consultation de votre dossier est enregistrée (qui, quand).</p>

            <h2>Combien de temps ?</h2>
            <table><caption>Durées de conservation, comptées depuis votre dernier contact avec l'accueil</caption>
            <thead><tr><th scope="col">Informations</th><th scope="col">Durée</th></tr></thead>
            <tbody>
            <tr><td>Votre identité (nom, prénom, date de naissance, téléphone)</td><td>\(months(.identity))</td></tr>
            <tr><td>La situation de votre foyer</td><td>\(months(.household))</td></tr>
            <tr><td>Les notes d'évaluation</td><td>\(months(.notes))</td></tr>
            <tr><td>Le lien entre vous et vos orientations</td><td>\(months(.orientations))</td></tr>
            <tr><td>La trace des consultations de votre dossier</td><td>\(months(.audit)) après chaque consultation</td></tr>
            </tbody></table>
            <p>Ensuite, ces informations sont effacées automatiquement. Seuls restent des chiffres sans nom (par exemple : un accueil, tel jour,
            tel site, pour un motif de logement, une personne de 26 à 59 ans).</p>

            <h2>Vos droits</h2>
            <ul>
            <li><strong>Accès</strong> : recevoir une copie de tout ce que nous avons sur vous (sur papier ou dans un fichier) ;</li>
            <li><strong>Rectification</strong> : faire corriger une information fausse ou incomplète ;</li>
            <li><strong>Effacement</strong> : demander que vos informations soient effacées quand elles ne sont plus nécessaires ;</li>
            <li><strong>Limitation</strong> et <strong>opposition</strong> : demander qu'on cesse d'utiliser vos informations pour des raisons tenant à votre situation.</li>
            </ul>
            <p>Pour cela, adressez-vous à l'accueil du CCAS (Cité Municipale, 4 rue Claude Bonnier, Bordeaux) ou de votre Maison du Département
            des Solidarités, ou écrivez au délégué à la protection des données du CCAS de Bordeaux ou du Département de la Gironde.
            Nous répondons dans un délai d'un mois. Si vous n'êtes pas satisfait(e), vous pouvez saisir la CNIL (www.cnil.fr, 3 place de Fontenoy, 75007 Paris).</p>

            <h2>Sécurité</h2>
            <p>L'outil n'est accessible qu'aux agents habilités, avec un mot de passe personnel. Les sauvegardes sont chiffrées.
            En cas d'incident touchant vos données, le CCAS et le Département le signalent à la CNIL et vous préviennent si le risque est élevé.</p>
            """
    }
}
