import { Injectable } from '@nestjs/common';
import { pickLocalized, type Audience, type Locale, type PublicGroupList } from '@kring/domain';
import { GroupsRepository } from './groups.repository';

@Injectable()
export class PublicGroupsService {
  constructor(private readonly groups: GroupsRepository) {}

  async list(locale: Locale, audience?: Audience): Promise<PublicGroupList> {
    const rows = await this.groups.findPublic({ audience });
    return {
      items: rows.map((row) => {
        const title = pickLocalized(row.title, locale);
        // The description follows the title's language, so a card never mixes two languages.
        const description = row.description[title.locale] ?? row.description.nl;
        return {
          id: row.id,
          title: title.text,
          description,
          locale: title.locale,
          kind: row.kind,
          audience: row.audience,
          spokenLanguages: row.spoken_languages,
          location: { name: row.location_name, city: row.location_city },
        };
      }),
    };
  }
}
