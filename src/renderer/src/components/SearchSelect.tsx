import { Select, type SelectProps } from 'antd'
import { useState } from 'react'

/** The longest search a Select box keeps: a longer paste is cut, so filtering stays instant. */
export const SELECT_SEARCH_MAX = 50

/**
 * antd's Select with a search box that keeps at most SELECT_SEARCH_MAX characters (antd gives the
 * search input no maxLength outside combobox mode). The search is cleared on a choice and when the
 * list closes, as the uncontrolled Select does.
 */
export function SearchSelect<Value = unknown>({
  onSearch,
  onSelect,
  onOpenChange,
  ...props
}: Omit<SelectProps<Value>, 'searchValue' | 'showSearch'>) {
  const [search, setSearch] = useState('')
  return (
    <Select<Value>
      {...props}
      showSearch
      searchValue={search}
      onSearch={(text) => {
        const kept = text.slice(0, SELECT_SEARCH_MAX)
        setSearch(kept)
        onSearch?.(kept)
      }}
      onSelect={(...args) => {
        setSearch('')
        onSelect?.(...args)
      }}
      onOpenChange={(open) => {
        if (!open) setSearch('')
        onOpenChange?.(open)
      }}
    />
  )
}
