/** Turns Pagefind results into a list of links, building every node by hand: no markup from the index is parsed. */

/** One place a search word was found within a page (a section under a heading with an id). */
export interface SearchHit {
	title: string;
	url: string;
	/** Pagefind's excerpt: text with `<` and `>` escaped and the matched words inside `<mark>`. */
	excerpt: string;
}

/** One page with its hits. */
export interface SearchPageHit {
	title: string;
	url: string;
	hits: SearchHit[];
}

/** Replaces the children of `list` with one item per page and a link per hit; returns how many hits it shows. */
export function renderResults(list: HTMLElement, pages: readonly SearchPageHit[]): number {
	const items: HTMLElement[] = [];
	let count = 0;
	for (const page of pages) {
		const item = document.createElement('li');
		item.className = 'search__page';
		const heading = document.createElement('p');
		heading.className = 'search__page-title';
		heading.textContent = page.title;
		item.append(heading);
		const hits = document.createElement('ul');
		hits.className = 'search__hits';
		for (const hit of page.hits) {
			const entry = document.createElement('li');
			const link = document.createElement('a');
			link.className = 'search__hit';
			link.href = hit.url;
			const title = document.createElement('span');
			title.className = 'search__hit-title';
			title.textContent = hit.title;
			const excerpt = document.createElement('span');
			excerpt.className = 'search__excerpt';
			excerpt.append(...buildExcerpt(hit.excerpt));
			link.append(title, excerpt);
			entry.append(link);
			hits.append(entry);
			count++;
		}
		item.append(hits);
		items.push(item);
	}
	list.replaceChildren(...items);
	return count;
}

/** Text and `<mark>` nodes for a Pagefind excerpt; any other tag-like text stays text. */
export function buildExcerpt(excerpt: string): Node[] {
	const nodes: Node[] = [];
	let isMarked = false;
	for (const part of excerpt.split(/(<\/?mark>)/)) {
		if (part === '<mark>') isMarked = true;
		else if (part === '</mark>') isMarked = false;
		else if (part !== '') {
			const text = document.createTextNode(part.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
			if (isMarked) {
				const mark = document.createElement('mark');
				mark.append(text);
				nodes.push(mark);
			} else nodes.push(text);
		}
	}
	return nodes;
}
